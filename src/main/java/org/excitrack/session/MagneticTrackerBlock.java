package org.excitrack.session;

/**
 * The threshold trackers of one parallel tracking block, made one channel at a time: the first is the block's
 * reference (test alone), the others its conditioned channels at every point. A block's trackers may learn from each
 * other (a slope shared by all its channels); each is still asked and fed for its own channel only.
 */
public interface MagneticTrackerBlock {
    /**
     * A tracker for one more channel of the block.
     *
     * @param startPercentMso where to begin (the reference's estimate for a conditioned channel)
     */
    MagneticEstimator channel(double startPercentMso);
}
