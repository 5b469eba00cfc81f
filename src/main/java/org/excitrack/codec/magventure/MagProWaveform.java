package org.excitrack.codec.magventure;

/** Pulse waveform (status byte bits 2–3, command 9). Biphasic burst cannot be combined with Twin or Dual. */
public enum MagProWaveform {
    MONOPHASIC,
    BIPHASIC,
    HALF_SINE,
    BIPHASIC_BURST;

    public int code() {
        return ordinal();
    }

    public static MagProWaveform fromCode(int code) {
        if (code < 0 || code >= values().length) {
            throw new MagProProtocolException("MagPro waveform code " + code + " is not 0 (monophasic), "
                    + "1 (biphasic), 2 (half sine) or 3 (biphasic burst)");
        }
        return values()[code];
    }
}
