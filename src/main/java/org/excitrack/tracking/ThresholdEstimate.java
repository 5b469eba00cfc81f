package org.excitrack.tracking;

/**
 * A threshold with its uncertainty.
 *
 * @param thresholdNanoamps the stimulus estimated to evoke exactly the target response, nA
 * @param standardErrorNanoamps its standard error, nA
 * @param pointsUsed how many stimulus-response points the estimate rests on
 * @param logLogSlope fitted slope of ln(response) against ln(stimulus) near the target
 */
public record ThresholdEstimate(double thresholdNanoamps, double standardErrorNanoamps, int pointsUsed,
                                double logLogSlope) {
    public double relativeStandardError() {
        return standardErrorNanoamps / thresholdNanoamps;
    }
}
