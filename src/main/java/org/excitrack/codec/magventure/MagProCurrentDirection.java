package org.excitrack.codec.magventure;

/** Coil current direction (command 9); the R30 models know only NORMAL. */
public enum MagProCurrentDirection {
    NORMAL,
    REVERSE;

    public int code() {
        return ordinal();
    }

    public static MagProCurrentDirection fromCode(int code) {
        if (code < 0 || code >= values().length) {
            throw new MagProProtocolException("MagPro current direction code " + code
                    + " is not 0 (normal) or 1 (reverse)");
        }
        return values()[code];
    }
}
