package org.excitrack.tracking.tms;

/**
 * A tracked threshold in %MSO with its uncertainty.
 *
 * @param thresholdPercentMso the output estimated to evoke the target MEP, %MSO (not rounded)
 * @param standardErrorPercentMso its standard error, %MSO
 * @param pointsUsed stimuli the estimate rests on
 * @param slopeDecadesPerPercentMso the regression's slope of log10 MEP on output
 */
public record TrackedThreshold(double thresholdPercentMso, double standardErrorPercentMso, int pointsUsed,
                               double slopeDecadesPerPercentMso) {
}
