package org.excitrack.service;

import org.excitrack.model.SafetyLimits;

/**
 * What to measure: the current that evokes a target fraction of the maximal CMAP with one pulse width.
 *
 * @param port port URI of the acquisition unit
 * @param widthMicros test pulse width, µs
 * @param targetPercent target response, % of the maximal CMAP (strictly between 0 and 100)
 * @param intervalMicros time from one stimulus to the next, µs
 * @param startNanoamps first stimulus of the stimulus-response search, nA
 * @param limits the operator's limits; the session applies the tighter of these and the unit's
 * @param precisionPercent stop tracking when the threshold's standard error is at most this % of it
 * @param maxTrackingStimuli stop tracking after this many stimuli whatever the precision
 */
public record ThresholdRequest(String port, long widthMicros, double targetPercent, long intervalMicros,
                               long startNanoamps, SafetyLimits limits, double precisionPercent,
                               int maxTrackingStimuli) {
    public ThresholdRequest {
        if (widthMicros <= 0) {
            throw new IllegalArgumentException("pulse width " + widthMicros + " µs must be above zero");
        }
        if (!(targetPercent > 0 && targetPercent < 100)) {
            throw new IllegalArgumentException("target " + targetPercent + " % must lie strictly between 0 and 100");
        }
        if (!(precisionPercent > 0) || maxTrackingStimuli < 1) {
            throw new IllegalArgumentException("precision " + precisionPercent + " % must be above zero and the "
                    + "stimulus budget " + maxTrackingStimuli + " at least 1");
        }
        if (startNanoamps <= 0) {
            throw new IllegalArgumentException("start stimulus " + startNanoamps + " nA must be above zero");
        }
    }

    /** 1 ms pulse, 40 % target, 1 s interval, search from 1 mA, default limits, 1 % precision, 30 stimuli. */
    public static ThresholdRequest defaults(String port) {
        return new ThresholdRequest(port, 1_000, 40, 1_000_000, 1_000_000, SafetyLimits.nerveDefaults(), 1, 30);
    }

    public ThresholdRequest withIntervalMicros(long micros) {
        return new ThresholdRequest(port, widthMicros, targetPercent, micros, startNanoamps, limits, precisionPercent,
                maxTrackingStimuli);
    }

    public ThresholdRequest withWidthAndTarget(long width, double percent) {
        return new ThresholdRequest(port, width, percent, intervalMicros, startNanoamps, limits, precisionPercent,
                maxTrackingStimuli);
    }
}
