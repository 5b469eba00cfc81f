package org.excitrack.storage.recording;

import java.util.List;
import java.util.Objects;

/**
 * What a tracked threshold was computed from, so that it can be computed again from the stored trials: the
 * estimator, the target response, the curve prior its tracker was created with, and the trials whose test
 * stimulus ({@link TrialRecord#testStimulusNanoamps()}) and negative-peak response the estimate used, in the
 * tracker's order (points it took as prior, e.g. the stimulus-response curve or earlier control trials, then its
 * own). The prior's fields are those of {@code org.excitrack.tracking.CurvePrior}.
 *
 * @param tracker the estimator's stable id ({@code org.excitrack.tracking.TrackerKind#id()}), e.g.
 *     {@code "excitrack-regression-1"}
 * @param targetMicrovolts the response that defines the threshold, µV
 * @param priorLogLogSlope prior slope of ln(response) on ln(stimulus) at the target
 * @param priorSlopeRelativeSd that slope's uncertainty as a fraction of it; positive infinity for no slope prior
 * @param priorResidualSd prior standard deviation of ln(response) around the line
 * @param priorResidualDegreesOfFreedom degrees of freedom that residual SD is worth
 * @param priorMaximalResponseMicrovolts the recruitment curve's ceiling, µV; 0 when unknown
 * @param trialIds the trials the estimate was computed from, in order
 */
public record ThresholdInputs(String tracker, double targetMicrovolts, double priorLogLogSlope,
                              double priorSlopeRelativeSd, double priorResidualSd,
                              double priorResidualDegreesOfFreedom, double priorMaximalResponseMicrovolts,
                              List<Long> trialIds) {
    public ThresholdInputs {
        Objects.requireNonNull(tracker, "tracker");
        trialIds = List.copyOf(trialIds);
    }
}
