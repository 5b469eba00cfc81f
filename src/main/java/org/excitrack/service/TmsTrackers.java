package org.excitrack.service;

import org.excitrack.model.tms.MagneticThreshold;
import org.excitrack.session.MagneticEstimator;
import org.excitrack.tracking.tms.LogAmplitudeRegression;
import org.excitrack.tracking.tms.MsoThresholdTracker;
import org.excitrack.tracking.tms.TrackedThreshold;

/**
 * A tracked point's %MSO threshold (T-SICI and friends) through the session's estimator interface: the tracking
 * package's log-amplitude regression tracker, with the protocol's stopping rule (at least the least stimuli per
 * point and a standard error within the precision asked for, or the most stimuli per point).
 */
final class TmsTrackers implements MagneticEstimator {
    /** Outputs are whole %MSO from 1 to 100: this one is above every stimulator's maximum. */
    private static final int ABOVE_ANY_MAXIMUM_PERCENT_MSO = 101;

    private final MsoThresholdTracker tracker;
    private final int minStimuli;
    private final int maxStimuli;
    private final double precisionFraction;

    private TmsTrackers(MsoThresholdTracker tracker, int minStimuli, int maxStimuli, double precisionPercent) {
        this.tracker = tracker;
        this.minStimuli = minStimuli;
        this.maxStimuli = maxStimuli;
        this.precisionFraction = precisionPercent / 100;
    }

    static MagneticEstimator create(double targetMicrovolts, double startPercentMso, int maxIntensityPercentMso,
                                    int minStimuli, int maxStimuli, double precisionPercent) {
        int start = (int) Math.max(1, Math.min(maxIntensityPercentMso, Math.round(startPercentMso)));
        MsoThresholdTracker tracker = new MsoThresholdTracker(LogAmplitudeRegression.tankisi(targetMicrovolts), start,
                MsoThresholdTracker.Settings.standard().withMaxIntensityPercentMso(maxIntensityPercentMso));
        return new TmsTrackers(tracker, minStimuli, maxStimuli, precisionPercent);
    }

    /** The tracker's next output; one above the maximum when its threshold lies beyond it (the session stops it). */
    @Override
    public int nextPercentMso() {
        return tracker.nextIntensityPercentMso().orElse(ABOVE_ANY_MAXIMUM_PERCENT_MSO);
    }

    @Override
    public void record(int percentMso, double mepMicrovolts) {
        tracker.record(percentMso, mepMicrovolts);
    }

    @Override
    public boolean finished() {
        return tracker.stimuliGiven() >= maxStimuli || tracker.isBeyondMaximum() || precise();
    }

    private boolean precise() {
        return tracker.stimuliGiven() >= minStimuli && tracker.estimate()
                .map(t -> t.standardErrorPercentMso() <= precisionFraction * t.thresholdPercentMso()).orElse(false);
    }

    @Override
    public MagneticThreshold estimate() {
        TrackedThreshold t = tracker.estimate().orElse(null);
        return t == null ? new MagneticThreshold(Double.NaN, Double.NaN, tracker.stimuliGiven(), false)
                : new MagneticThreshold(t.thresholdPercentMso(), t.standardErrorPercentMso(), tracker.stimuliGiven(),
                        precise());
    }
}
