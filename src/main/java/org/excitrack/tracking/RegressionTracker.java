package org.excitrack.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tracks the stimulus that evokes a target response, and stops as soon as the threshold is known to the
 * requested precision.
 *
 * <p>Until the regression has enough near-target points it steps proportionally on log scales (the QTRAC
 * principle: the step is the log error divided by the local log-log slope, capped). After that it places
 * stimuli alternately just below and just above the current regression estimate, which keeps the points
 * where they inform the threshold most while keeping the slope identifiable.
 */
public final class RegressionTracker {
    private final LogLogThresholdEstimator estimator;
    private final Settings settings;
    private final List<StimulusResponsePoint> points = new ArrayList<>();
    private long next;
    private int given;

    /**
     * Tuning.
     *
     * @param targetRelativeError stop when the threshold's relative standard error is at most this
     * @param minNearTargetPoints and at least this many points are near the target
     * @param maxStimuli stop after this many stimuli whatever the precision
     * @param maxLogStep cap on one proportional step, natural-log units (0.1 ≈ 10 %)
     * @param priorLogLogSlope slope assumed before the data give one
     * @param ditherLogStep offset of the alternating stimuli around the estimate, natural-log units
     */
    public record Settings(double targetRelativeError, int minNearTargetPoints, int maxStimuli, double maxLogStep,
                           double priorLogLogSlope, double ditherLogStep) {
        public Settings {
            if (targetRelativeError <= 0 || minNearTargetPoints < LogLogThresholdEstimator.MIN_POINTS
                    || maxStimuli < 1 || maxLogStep <= 0 || priorLogLogSlope <= 0 || ditherLogStep < 0) {
                throw new IllegalArgumentException("invalid tracker settings " + this);
            }
        }

        /** 1 % relative standard error, from at least 5 points, within 30 stimuli. */
        public static Settings defaults() {
            return new Settings(0.01, 5, 30, 0.15, 8, 0.015);
        }

        public Settings withTargetRelativeError(double value) {
            return new Settings(value, minNearTargetPoints, maxStimuli, maxLogStep, priorLogLogSlope, ditherLogStep);
        }

        public Settings withMaxStimuli(int value) {
            return new Settings(targetRelativeError, minNearTargetPoints, value, maxLogStep, priorLogLogSlope,
                    ditherLogStep);
        }
    }

    /**
     * @param targetMicrovolts the response to track
     * @param startNanoamps the first stimulus (e.g. interpolated from the stimulus-response curve)
     * @param prior points already recorded for this condition (e.g. the stimulus-response curve); those near
     *     the target count towards the estimate without costing a stimulus
     */
    public RegressionTracker(double targetMicrovolts, long startNanoamps, List<StimulusResponsePoint> prior,
                             Settings settings) {
        if (startNanoamps <= 0) {
            throw new IllegalArgumentException("start stimulus " + startNanoamps + " nA must be above zero");
        }
        this.estimator = new LogLogThresholdEstimator(targetMicrovolts, 1.6);
        this.settings = settings;
        this.points.addAll(prior);
        this.next = startNanoamps;
    }

    public long nextStimulusNanoamps() {
        return next;
    }

    public void record(long stimulusNanoamps, double responseMicrovolts) {
        given++;
        StimulusResponsePoint point = new StimulusResponsePoint(stimulusNanoamps, responseMicrovolts);
        points.add(point);
        Optional<ThresholdEstimate> estimate = estimate();
        // A response outside the near-target band did not change the estimate, so stimulating around it again
        // would repeat the same two stimuli to the end of the budget (a shallow early fit points far away);
        // the proportional step brings the stimulus back to where the points inform the regression.
        boolean informative = !estimator.nearTarget(List.of(point)).isEmpty();
        if (informative && estimate.isPresent()
                && estimate.get().pointsUsed() >= LogLogThresholdEstimator.MIN_POINTS) {
            double sign = given % 2 == 0 ? 1 : -1;
            next = Math.round(estimate.get().thresholdNanoamps() * Math.exp(sign * settings.ditherLogStep()));
        } else {
            next = proportionalStep(stimulusNanoamps, responseMicrovolts);
        }
    }

    private long proportionalStep(long stimulus, double response) {
        // no response at all is an infinite log error: the largest step up, not a step of the cap ÷ slope
        double logError = response > 0 ? Math.log(estimator.targetMicrovolts() / response) : Double.POSITIVE_INFINITY;
        double step = Math.max(-settings.maxLogStep(), Math.min(settings.maxLogStep(),
                logError / settings.priorLogLogSlope()));
        return Math.max(1, Math.round(stimulus * Math.exp(step)));
    }

    public Optional<ThresholdEstimate> estimate() {
        return estimator.estimate(points);
    }

    /** Precise enough: stop tracking this point. */
    public boolean isConverged() {
        return estimate().filter(e -> e.pointsUsed() >= settings.minNearTargetPoints()
                && e.relativeStandardError() <= settings.targetRelativeError()).isPresent();
    }

    public boolean isExhausted() {
        return given >= settings.maxStimuli();
    }

    public int stimuliGiven() {
        return given;
    }

    public List<StimulusResponsePoint> points() {
        return List.copyOf(points);
    }
}
