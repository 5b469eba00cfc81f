package org.excitrack.service;

import org.excitrack.model.tms.MagneticThreshold;
import org.excitrack.session.MagneticEstimator;
import org.excitrack.session.MagneticEstimators;
import org.excitrack.session.MagneticTrackerBlock;
import org.excitrack.tracking.tms.FinishReason;
import org.excitrack.tracking.tms.MotorThresholdEstimate;
import org.excitrack.tracking.tms.MotorThresholdMethod;
import org.excitrack.tracking.tms.MotorThresholdMethodKind;
import org.excitrack.tracking.tms.MotorThresholdSettings;

/**
 * The tracking package's motor-threshold methods and %MSO trackers, as a magnetic session uses them. A parallel
 * block's trackers share one recruitment slope ({@link TmsTrackerBlock}, ADR 0010) unless the system property
 * {@value #TRACKING_PROPERTY} is {@code per-channel}, which tracks each channel alone on its last 8 MEPs as before.
 */
final class TmsEstimators implements MagneticEstimators {
    /** {@code shared-slope} (the default) or {@code per-channel}: how a parallel block's channels are tracked. */
    static final String TRACKING_PROPERTY = "excitrack.tms.tracking";
    /** A typical hand-muscle RMT: where a hunt starts without anything better to go on (tms.md §4.3). */
    static final int START_PERCENT_MSO = 50;
    /** No method here needs more; the IFCN rule started far above threshold takes ≈ 75 (tms.md §3.3). */
    static final int MAX_STIMULI = 100;

    private final boolean sharedSlope;

    /** As {@value #TRACKING_PROPERTY} says; shared slope when it is not set. */
    TmsEstimators() {
        this(sharedSlope(System.getProperty(TRACKING_PROPERTY, "shared-slope")));
    }

    /** @param sharedSlope whether a parallel block's channels share one slope, or are each tracked alone */
    TmsEstimators(boolean sharedSlope) {
        this.sharedSlope = sharedSlope;
    }

    private static boolean sharedSlope(String tracking) {
        switch (tracking) {
            case "shared-slope":
                return true;
            case "per-channel":
                return false;
            default:
                throw new IllegalArgumentException(TRACKING_PROPERTY + " is \"" + tracking
                        + "\": shared-slope or per-channel");
        }
    }

    @Override
    public MagneticEstimator motorThreshold(String method, double targetMicrovolts, int maxIntensityPercentMso,
                                            long seed) {
        MotorThresholdMethod m = MotorThresholdMethodKind.fromId(method).create(new MotorThresholdSettings(
                targetMicrovolts, Math.min(START_PERCENT_MSO, maxIntensityPercentMso), maxIntensityPercentMso,
                MAX_STIMULI));
        return new MethodEstimator(m);
    }

    @Override
    public MagneticEstimator tracker(double targetMicrovolts, double startPercentMso, int maxIntensityPercentMso,
                                     int minStimuli, int maxStimuli, double precisionPercent) {
        return TmsTrackers.create(targetMicrovolts, startPercentMso, maxIntensityPercentMso, minStimuli, maxStimuli,
                precisionPercent);
    }

    @Override
    public MagneticTrackerBlock trackerBlock(double targetMicrovolts, int maxIntensityPercentMso, int minStimuli,
                                             int maxStimuli, double precisionPercent) {
        return sharedSlope ? new TmsTrackerBlock(targetMicrovolts, maxIntensityPercentMso, minStimuli, maxStimuli,
                precisionPercent) : MagneticEstimators.super.trackerBlock(targetMicrovolts, maxIntensityPercentMso,
                minStimuli, maxStimuli, precisionPercent);
    }

    /** A motor-threshold method seen through the session's estimator interface. */
    private static final class MethodEstimator implements MagneticEstimator {
        private final MotorThresholdMethod method;

        MethodEstimator(MotorThresholdMethod method) {
            this.method = method;
        }

        @Override
        public int nextPercentMso() {
            return method.nextIntensityPercentMso();
        }

        @Override
        public void record(int percentMso, double mepMicrovolts) {
            method.record(percentMso, mepMicrovolts);
        }

        @Override
        public boolean finished() {
            return method.isFinished();
        }

        @Override
        public MagneticThreshold estimate() {
            boolean converged = method.finishReason().map(r -> r == FinishReason.STOP_RULE_MET).orElse(false);
            return method.estimate().map(e -> threshold(e, converged))
                    .orElse(new MagneticThreshold(Double.NaN, Double.NaN, method.stimuliGiven(), false));
        }

        private static MagneticThreshold threshold(MotorThresholdEstimate e, boolean converged) {
            return new MagneticThreshold(e.thresholdPercentMso(), e.standardErrorPercentMso(), e.stimuliUsed(),
                    converged);
        }
    }
}
