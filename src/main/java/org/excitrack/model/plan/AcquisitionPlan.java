package org.excitrack.model.plan;

/**
 * How every trial of the protocol is acquired and tracked.
 *
 * @param sampleRateHz ADC rate per channel
 * @param windowMicros sweep recorded for each test pulse, from the test pulse's onset (the session adds its
 *     pre-stimulus baseline before it); a channel's trial lasts until its test pulse's onset plus this
 * @param intervalMicros time from one stimulus to the next
 * @param target the tracked response
 * @param minStimuliPerPoint fewest stimuli per tracked channel and point
 * @param maxStimuliPerPoint most stimuli per tracked channel and point
 * @param precisionPercent a point is done when its threshold's standard error is at most this % of it
 * @param maxStimulusNanoamps the stimulus-response search and supramaximal pulses never exceed this
 * @param maxThresholdNanoamps tracking stops a point whose threshold would exceed this; relative currents
 *     were checked against it
 * @param supramaximalPercent supramaximal pulses are this % of the stimulus that gave the maximal response
 * @param testWidthMicros width of test pulses that do not give their own
 * @param magnetic how magnetic stimuli are bounded and their responses measured
 */
public record AcquisitionPlan(int sampleRateHz, long windowMicros, long intervalMicros, Target target,
                              int minStimuliPerPoint, int maxStimuliPerPoint, double precisionPercent,
                              long maxStimulusNanoamps, long maxThresholdNanoamps, double supramaximalPercent,
                              long testWidthMicros, Magnetic magnetic) {

    /**
     * Settings of magnetic (TMS) stimuli.
     *
     * @param maxIntensityPercentMso no magnetic pulse is ever given above this output; one that would be is
     *     refused, never lowered
     * @param mepWindowStartMicros start of the MEP's peak-to-peak window after the test pulse
     * @param mepWindowEndMicros end of that window
     * @param backgroundEmgMinMicrovolts least pre-stimulus EMG (peak-to-peak) a trial needs: 0 at rest, a band
     *     for protocols with a voluntary contraction
     * @param backgroundEmgMaxMicrovolts most pre-stimulus EMG (peak-to-peak) a trial may have; above it, the
     *     muscle was not at rest and the trial is rejected and repeated
     */
    public record Magnetic(int maxIntensityPercentMso, long mepWindowStartMicros, long mepWindowEndMicros,
                           double backgroundEmgMinMicrovolts, double backgroundEmgMaxMicrovolts) {
        /**
         * MEP 15–50 ms after the test pulse (BEST's hand-muscle window); at rest, at most 100 µV peak-to-peak before
         * the first pulse: above what an 8 µV rms bedside amplifier gives over 95 ms (≈ 55 µV), below a contraction
         * of a few % of maximum (tms.md §4.1; BEST's default is 200 µV).
         */
        public static final Magnetic DEFAULTS = new Magnetic(100, 15_000, 50_000, 0, 100);
    }

    /** The response a threshold is defined by. */
    public sealed interface Target permits PercentOfMaximal, Microvolts {
    }

    public record PercentOfMaximal(double percent) implements Target {
    }

    public record Microvolts(double microvolts) implements Target {
    }
}
