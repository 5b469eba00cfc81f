package org.excitrack.session;

/** Makes the estimators a magnetic session uses; the default is the tracking package's, tests may supply others. */
public interface MagneticEstimators {
    /**
     * @param method ifcn, ml-pest or excitrack
     * @param targetMicrovolts the MEP half the trials reach at threshold
     */
    MagneticEstimator motorThreshold(String method, double targetMicrovolts, int maxIntensityPercentMso, long seed);

    /**
     * A tracker of one point's threshold for a target MEP, by regression of log MEP on output.
     *
     * @param startPercentMso where to begin (a reference threshold, or a warm start)
     */
    MagneticEstimator tracker(double targetMicrovolts, double startPercentMso, int maxIntensityPercentMso,
                              int minStimuli, int maxStimuli, double precisionPercent);
}
