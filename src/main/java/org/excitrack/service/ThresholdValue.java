package org.excitrack.service;

import org.excitrack.tracking.ThresholdEstimate;

/**
 * A threshold as the user sees it.
 *
 * @param thresholdNanoamps estimated current for the target response, nA
 * @param standardErrorNanoamps its standard error, nA
 */
public record ThresholdValue(double thresholdNanoamps, double standardErrorNanoamps) {
    static ThresholdValue of(ThresholdEstimate e) {
        return new ThresholdValue(e.thresholdNanoamps(), e.standardErrorNanoamps());
    }

    public double thresholdMilliamps() {
        return thresholdNanoamps / 1e6;
    }

    public double standardErrorMilliamps() {
        return standardErrorNanoamps / 1e6;
    }
}
