package org.excitrack.service;

import org.excitrack.model.SafetyLimits;
import org.excitrack.tracking.RegressionTracker;

/**
 * What to measure: the current that evokes a target fraction of the maximal CMAP with one pulse width.
 *
 * @param port port URI of the acquisition unit
 * @param widthMicros test pulse width, µs
 * @param targetPercent target response, % of the maximal CMAP (strictly between 0 and 100)
 * @param intervalMicros time from one stimulus to the next, µs
 * @param startNanoamps first stimulus of the stimulus-response search, nA
 * @param limits the operator's limits; the session applies the tighter of these and the unit's
 * @param tracker precision and budget of the tracking
 */
public record ThresholdRequest(String port, long widthMicros, double targetPercent, long intervalMicros,
                               long startNanoamps, SafetyLimits limits, RegressionTracker.Settings tracker) {
    public ThresholdRequest {
        if (widthMicros <= 0) {
            throw new IllegalArgumentException("pulse width " + widthMicros + " µs must be above zero");
        }
        if (!(targetPercent > 0 && targetPercent < 100)) {
            throw new IllegalArgumentException("target " + targetPercent + " % must lie strictly between 0 and 100");
        }
        if (startNanoamps <= 0) {
            throw new IllegalArgumentException("start stimulus " + startNanoamps + " nA must be above zero");
        }
    }
}
