package org.excitrack.tracking.tms;

/**
 * A motor threshold with its uncertainty: the output at which half the MEPs reach the target.
 *
 * @param thresholdPercentMso the estimate, %MSO (not rounded: rounding is for stimuli, not for results)
 * @param standardErrorPercentMso its standard error, %MSO; NaN for a counting rule (IFCN) that has none
 * @param lowerPercentMso lower end of the uncertainty interval, %MSO: 95 % for the likelihood and Bayesian
 *     methods, the bracket of tested levels for the IFCN rule
 * @param upperPercentMso upper end of that interval, %MSO
 * @param stimuliUsed stimuli the estimate rests on (pseudo-observations and priors not counted)
 */
public record MotorThresholdEstimate(double thresholdPercentMso, double standardErrorPercentMso,
                                     double lowerPercentMso, double upperPercentMso, int stimuliUsed) {
    public boolean hasStandardError() {
        return !Double.isNaN(standardErrorPercentMso);
    }
}
