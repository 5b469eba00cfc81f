package org.excitrack.tracking.tms;

/**
 * A cortical silent period: the stretch after the MEP in which voluntary EMG is suppressed. Times are from the
 * test pulse's onset.
 *
 * @param mepOnsetMicros the MEP's onset, µs; NaN when the pulse evoked no MEP that stands out
 * @param suppressionOnsetMicros where the EMG envelope first fell below the suppression level, µs
 * @param suppressionOffsetMicros where it came back to that level, µs
 * @param preStimulusMeanRectifiedMicrovolts the reference level: mean rectified EMG before the first pulse, µV
 */
public record SilentPeriod(double mepOnsetMicros, double suppressionOnsetMicros, double suppressionOffsetMicros,
                           double preStimulusMeanRectifiedMicrovolts) {

    /** The "absolute" CSP: from the pulse to the return of EMG, ms. */
    public double durationFromPulseMillis() {
        return suppressionOffsetMicros / 1000;
    }

    /**
     * The "relative" CSP, the one most labs report: from the MEP onset to the return of EMG, ms. The MEP hides
     * where the suppression really starts, so its onset stands in; NaN without an MEP.
     */
    public double durationFromMepOnsetMillis() {
        return (suppressionOffsetMicros - mepOnsetMicros) / 1000;
    }

    /** Only the stretch in which the envelope was below the suppression level, ms. */
    public double suppressedMillis() {
        return (suppressionOffsetMicros - suppressionOnsetMicros) / 1000;
    }
}
