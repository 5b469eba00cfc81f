package org.excitrack.service;

import org.excitrack.model.tms.MagneticThreshold;
import org.excitrack.session.MagneticEstimator;
import org.excitrack.tracking.tms.MepThresholdTracker;

/** A tracked point's %MSO threshold (T-SICI and friends), through the session's estimator interface. */
final class TmsTrackers implements MagneticEstimator {
    private final MepThresholdTracker tracker;

    private TmsTrackers(MepThresholdTracker tracker) {
        this.tracker = tracker;
    }

    static MagneticEstimator create(double targetMicrovolts, double startPercentMso, int maxIntensityPercentMso,
                                    int minStimuli, int maxStimuli, double precisionPercent) {
        return new TmsTrackers(new MepThresholdTracker(targetMicrovolts, startPercentMso, maxIntensityPercentMso,
                minStimuli, maxStimuli, precisionPercent));
    }

    @Override
    public int nextPercentMso() {
        return tracker.nextPercentMso();
    }

    @Override
    public void record(int percentMso, double mepMicrovolts) {
        tracker.record(percentMso, mepMicrovolts);
    }

    @Override
    public boolean finished() {
        return tracker.isFinished();
    }

    @Override
    public MagneticThreshold estimate() {
        return new MagneticThreshold(tracker.estimatePercentMso(), tracker.standardErrorPercentMso(),
                tracker.stimuliGiven(), tracker.isPrecise());
    }
}
