package org.excitrack.codec.magventure;

/**
 * The stimulator's pulse mode (status byte bits 0–1, command 9). Twin: one trigger gives pulse A, then after
 * the inter-pulse interval pulse B at A × the B/A ratio. Dual: the same pair with A and B set independently.
 */
public enum MagProMode {
    STANDARD,
    POWER,
    TWIN,
    DUAL;

    public int code() {
        return ordinal();
    }

    /** Whether one trigger gives two pulses, A then B after the inter-pulse interval. */
    public boolean paired() {
        return this == TWIN || this == DUAL;
    }

    public static MagProMode fromCode(int code) {
        if (code < 0 || code >= values().length) {
            throw new MagProProtocolException("MagPro mode code " + code + " is not 0 (Standard), 1 (Power), "
                    + "2 (Twin) or 3 (Dual)");
        }
        return values()[code];
    }
}
