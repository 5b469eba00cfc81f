package org.excitrack.sim.cortex;

/**
 * The shape of one MEP at the belly-tendon electrodes: a negative-then-positive biphasic wave, the first
 * derivative of a Gaussian, scaled so its peak-to-peak amplitude is exactly the drawn MEP size. One smooth
 * biphasic wave keeps the peak-to-peak measurement unambiguous; real MEPs are often polyphasic, which matters
 * for area but not for the peak-to-peak amplitude threshold tracking uses.
 */
final class MepWaveform {
    /** Onset is where the wave reaches ≈ 5 % of its half amplitude: three phase widths before its centre. */
    static final double ONSET_TO_CENTRE_WIDTHS = 3;
    private static final double TAIL_WIDTHS = 8;

    private MepWaveform() {
    }

    /** µV at {@code sinceOnsetMicros} after the MEP's onset. */
    static double microvoltsAt(double sinceOnsetMicros, double peakToPeakMicrovolts, double phaseWidthMicros) {
        double u = sinceOnsetMicros / phaseWidthMicros - ONSET_TO_CENTRE_WIDTHS;
        if (Math.abs(u) > TAIL_WIDTHS) {
            return 0;
        }
        // u·exp((1 − u²)/2) has its extremes −1 at u = −1 and +1 at u = +1.
        return 0.5 * peakToPeakMicrovolts * u * Math.exp(0.5 * (1 - u * u));
    }
}
