package org.excitrack.tracking.tms;

/**
 * What one sweep says about the MEP to its test pulse; times are from the test pulse's onset.
 *
 * @param peakToPeakMicrovolts largest minus smallest sample in the MEP window, µV: the measure every threshold
 *     method and tracker here works from
 * @param onsetLatencyMicros where the MEP first stands out of the background, µs after the test pulse; NaN when
 *     nothing in the window stands out (see {@link MepMeasurer} for the rule)
 * @param preStimulus the EMG before the trial's first pulse and the verdict on it
 */
public record MepMeasures(double peakToPeakMicrovolts, double onsetLatencyMicros, PreStimulusEmg preStimulus) {

    public boolean hasOnset() {
        return !Double.isNaN(onsetLatencyMicros);
    }

    /** The background EMG criterion was met: the trial counts. */
    public boolean isAccepted() {
        return preStimulus.isAccepted();
    }
}
