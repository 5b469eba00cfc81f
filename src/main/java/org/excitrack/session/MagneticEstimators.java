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

    /**
     * The trackers of one parallel block (test alone and every conditioned channel), with the same target, limits and
     * stopping rule as {@link #tracker}. By default each channel is tracked alone, as {@link #tracker} makes it.
     */
    default MagneticTrackerBlock trackerBlock(double targetMicrovolts, int maxIntensityPercentMso, int minStimuli,
                                              int maxStimuli, double precisionPercent) {
        return start -> tracker(targetMicrovolts, start, maxIntensityPercentMso, minStimuli, maxStimuli,
                precisionPercent);
    }
}
