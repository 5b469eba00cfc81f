package org.excitrack.service;

import java.util.List;
import org.excitrack.model.UnitIdentity;
import org.excitrack.tracking.StimulusResponsePoint;

/**
 * The measured threshold and how it was reached.
 *
 * @param maximalResponseMicrovolts mean supramaximal CMAP, µV
 * @param targetMicrovolts the tracked response, µV
 * @param searchStimuli stimuli spent finding the maximal response
 * @param trackingStimuli stimuli spent tracking the threshold
 * @param converged whether the precision target was met before the budget ran out
 * @param points every stimulus-response point, in order
 */
public record ThresholdReport(UnitIdentity unit, long widthMicros, double targetPercent,
                              double maximalResponseMicrovolts, double targetMicrovolts, ThresholdValue threshold,
                              int searchStimuli, int trackingStimuli, boolean converged,
                              List<StimulusResponsePoint> points) {
    public ThresholdReport {
        points = List.copyOf(points);
    }

    public int stimuliUsed() {
        return searchStimuli + trackingStimuli;
    }
}
