package org.excitrack.codec.magstim;

/**
 * The layout of a Rapid²'s reply to {@code \@}, which grew with its software (MagPy, tms.md §1.3): after the
 * echo, the instrument status and the Rapid status come power, frequency, pulse count, duration and wait as
 * fixed-width ASCII digits, then the check byte.
 */
public enum RapidParameterLayout {
    /** Software before version 7: 21 bytes. */
    BEFORE_V7(3, 4, 4, 3, 3),
    /** Software 7 and 8: 22 bytes. */
    V7(3, 4, 4, 3, 4),
    /** Software 9 and later: 24 bytes. */
    V9(3, 4, 5, 4, 4);

    private final int[] widths;

    RapidParameterLayout(int... widths) {
        this.widths = widths;
    }

    /** Widths of power, frequency, pulses, duration and wait, in digits. */
    int[] widths() {
        return widths.clone();
    }

    /** Echo, two status bytes, the digits, check byte. */
    public int replyLength() {
        int n = 4;
        for (int w : widths) {
            n += w;
        }
        return n;
    }

    public static RapidParameterLayout forSoftwareMajor(int major) {
        return major >= 9 ? V9 : major >= 7 ? V7 : BEFORE_V7;
    }
}
