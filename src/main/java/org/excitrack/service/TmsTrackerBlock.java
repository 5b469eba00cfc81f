package org.excitrack.service;

import org.excitrack.model.tms.MagneticThreshold;
import org.excitrack.session.MagneticEstimator;
import org.excitrack.session.MagneticTrackerBlock;
import org.excitrack.tracking.tms.MsoThresholdTracker;
import org.excitrack.tracking.tms.SharedSlopeRegression;
import org.excitrack.tracking.tms.SharedSlopeTracker;
import org.excitrack.tracking.tms.TrackedThreshold;

/**
 * A parallel block's %MSO trackers sharing one recruitment slope ({@link SharedSlopeTracker}), each channel with the
 * protocol's stopping rule as {@link TmsTrackers} has it: at least the least stimuli per point and a standard error
 * within the precision asked for, or the most stimuli per point.
 */
final class TmsTrackerBlock implements MagneticTrackerBlock {
    /** Outputs are whole %MSO from 1 to 100: this one is above every stimulator's maximum. */
    private static final int ABOVE_ANY_MAXIMUM_PERCENT_MSO = 101;

    private final SharedSlopeTracker tracker;
    private final int maxIntensityPercentMso;
    private final int minStimuli;
    private final int maxStimuli;
    private final double precisionFraction;

    TmsTrackerBlock(double targetMicrovolts, int maxIntensityPercentMso, int minStimuli, int maxStimuli,
                    double precisionPercent) {
        this.tracker = new SharedSlopeTracker(SharedSlopeRegression.standard(targetMicrovolts),
                MsoThresholdTracker.Settings.standard().withMaxIntensityPercentMso(maxIntensityPercentMso));
        this.maxIntensityPercentMso = maxIntensityPercentMso;
        this.minStimuli = minStimuli;
        this.maxStimuli = maxStimuli;
        this.precisionFraction = precisionPercent / 100;
    }

    @Override
    public MagneticEstimator channel(double startPercentMso) {
        int start = (int) Math.max(1, Math.min(maxIntensityPercentMso, Math.round(startPercentMso)));
        return new Channel(tracker.addChannel(start));
    }

    /** One channel of the block through the session's estimator interface. */
    private final class Channel implements MagneticEstimator {
        private final int index;

        Channel(int index) {
            this.index = index;
        }

        @Override
        public int nextPercentMso() {
            return tracker.nextIntensityPercentMso(index).orElse(ABOVE_ANY_MAXIMUM_PERCENT_MSO);
        }

        @Override
        public void record(int percentMso, double mepMicrovolts) {
            tracker.record(index, percentMso, mepMicrovolts);
        }

        @Override
        public boolean finished() {
            return tracker.stimuliGiven(index) >= maxStimuli || tracker.isBeyondMaximum(index) || precise();
        }

        private boolean precise() {
            return tracker.stimuliGiven(index) >= minStimuli && tracker.estimate(index)
                    .map(t -> t.standardErrorPercentMso() <= precisionFraction * t.thresholdPercentMso())
                    .orElse(false);
        }

        @Override
        public MagneticThreshold estimate() {
            TrackedThreshold t = tracker.estimate(index).orElse(null);
            return t == null ? new MagneticThreshold(Double.NaN, Double.NaN, tracker.stimuliGiven(index), false)
                    : new MagneticThreshold(t.thresholdPercentMso(), t.standardErrorPercentMso(),
                            tracker.stimuliGiven(index), precise());
        }
    }
}
