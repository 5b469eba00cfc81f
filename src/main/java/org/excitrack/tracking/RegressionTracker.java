package org.excitrack.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Excitrack's tracker ({@link TrackerKind#EXCITRACK}): tracks the stimulus that evokes a target response, and
 * stops as soon as the threshold is known to the requested precision.
 *
 * <p>Until the regression has enough near-target points it steps proportionally on log scales (the QTRAC
 * principle: the step is the log error divided by the local log-log slope, capped). After that it places
 * stimuli alternately just below and just above the current regression estimate, which keeps the points
 * where they inform the threshold most while keeping the slope identifiable.
 *
 * <p>Warm start: besides prior points of this same condition, it can take a {@link CurvePrior} carried from the
 * previous condition (the previous delay, current or interval). The slope then no longer has to be learned
 * from this condition's few points, so one near-target point already places the estimate (the proportional
 * step becomes a Newton step along the carried slope) and three near-target points can meet the precision
 * goal; the threshold itself still rests on this condition's points only. If the prior also knows the maximal
 * response, responses are regressed on the logit scale, on which the sigmoid recruitment curve is straight (no
 * bias from points spread about the threshold, a wider useful band), and responses far from the target are
 * read through the whole curve to jump towards the threshold in one step rather than several capped ones
 * ({@link PriorSlopeThresholdEstimator}).
 *
 * <p>Without a curve prior it behaves exactly as before warm starts existed.
 */
public final class RegressionTracker implements Tracker {
    private final PriorSlopeThresholdEstimator estimator;
    private final CurvePrior curvePrior;
    private final Settings settings;
    private final List<StimulusResponsePoint> points = new ArrayList<>();
    /** This condition's own stimuli, without the prior: only they can bracket this condition's threshold. */
    private final List<StimulusResponsePoint> own = new ArrayList<>();
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

        public Settings withMinNearTargetPoints(int value) {
            return new Settings(targetRelativeError, value, maxStimuli, maxLogStep, priorLogLogSlope, ditherLogStep);
        }

        public Settings withDitherLogStep(double value) {
            return new Settings(targetRelativeError, minNearTargetPoints, maxStimuli, maxLogStep, priorLogLogSlope,
                    value);
        }

        public Settings withMaxLogStep(double value) {
            return new Settings(targetRelativeError, minNearTargetPoints, maxStimuli, value, priorLogLogSlope,
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
        this(targetMicrovolts, startNanoamps, prior, CurvePrior.NONE, settings);
    }

    /**
     * @param curvePrior the slope (and scatter) carried from another condition; {@link CurvePrior#NONE} for this
     *     condition's points only
     */
    public RegressionTracker(double targetMicrovolts, long startNanoamps, List<StimulusResponsePoint> prior,
                             CurvePrior curvePrior, Settings settings) {
        if (startNanoamps <= 0) {
            throw new IllegalArgumentException("start stimulus " + startNanoamps + " nA must be above zero");
        }
        this.estimator = new PriorSlopeThresholdEstimator(targetMicrovolts, BAND_FACTOR, curvePrior);
        this.curvePrior = curvePrior;
        this.settings = settings;
        this.points.addAll(prior);
        this.next = startNanoamps;
    }

    /** Near-target band for the regression: ±0.47 in ln(response), about ±5 % in stimulus at slope 8–10. */
    static final double BAND_FACTOR = 1.6;
    /** A response under 2 % (over 98 %) of the maximum only says "far below (above)": read as 2 % (98 %). */
    private static final double CURVE_FRACTION_FLOOR = 0.02;
    /** A bracket this much steeper than the assumed slope means slope-sized steps will overshoot. */
    private static final double STEEPER_THAN_ASSUMED = 1.5;
    /** ln 1.65: a larger jump than between any neighbouring TRONDNF steps is not believed from one response. */
    private static final double MAX_CURVE_LOG_STEP = 0.5;

    /**
     * The threshold this tracker reports for these points, recomputed (e.g. from a recording): {@code points}
     * are the tracker's {@link #points()} (prior and recorded), {@code curvePrior} the one it was created with.
     */
    public static Optional<ThresholdEstimate> estimateFrom(List<StimulusResponsePoint> points,
                                                           double targetMicrovolts, CurvePrior curvePrior) {
        return new PriorSlopeThresholdEstimator(targetMicrovolts, BAND_FACTOR, curvePrior).estimate(points);
    }

    @Override
    public TrackerKind kind() {
        return TrackerKind.EXCITRACK;
    }

    @Override
    public long nextStimulusNanoamps() {
        return next;
    }

    @Override
    public void record(long stimulusNanoamps, double responseMicrovolts) {
        given++;
        StimulusResponsePoint point = new StimulusResponsePoint(stimulusNanoamps, responseMicrovolts);
        points.add(point);
        own.add(point);
        Optional<ThresholdEstimate> estimate = estimate();
        // A response outside the near-target band did not change the estimate, so stimulating around it again
        // would repeat the same two stimuli to the end of the budget (a shallow early fit points far away);
        // the proportional step brings the stimulus back to where the points inform the regression.
        boolean informative = isNearTarget(point);
        if (informative && estimate.isPresent() && estimate.get().pointsUsed() >= pointsToSteerBy()) {
            double sign = given % 2 == 0 ? 1 : -1;
            next = Math.round(estimate.get().thresholdNanoamps() * Math.exp(sign * settings.ditherLogStep()));
        } else {
            long step = knowsTheCeiling() ? curveStep(stimulusNanoamps, responseMicrovolts)
                    : proportionalStep(stimulusNanoamps, responseMicrovolts);
            next = withinBracket(step);
        }
    }

    /**
     * The step as planned, unless it would leave the bracket the target is known to lie in: once this condition's
     * own stimuli straddle the target, a step sized by an assumed slope that overshoots a steeper curve (a strongly
     * hyperpolarized nerve's is) would swing across the band where the regression has points for ever; then the
     * stimulus is interpolated between the closest pair (on the logit scale when the ceiling is known) instead.
     */
    private long withinBracket(long step) {
        StimulusResponsePoint[] bracket = bracket();
        if (bracket == null || step > bracket[0].stimulusNanoamps() && step < bracket[1].stimulusNanoamps()
                || observedSlope(bracket) < STEEPER_THAN_ASSUMED * assumedSlope()) {
            return step;
        }
        return interpolate(bracket[0], bracket[1]);
    }

    private static double observedSlope(StimulusResponsePoint[] b) {
        return Math.log(b[1].responseMicrovolts() / b[0].responseMicrovolts())
                / Math.log((double) b[1].stimulusNanoamps() / b[0].stimulusNanoamps());
    }

    private double assumedSlope() {
        return curvePrior.isNone() ? settings.priorLogLogSlope() : curvePrior.logLogSlope();
    }

    /** The closest own stimuli below and above the target, or null until the target is straddled. */
    private StimulusResponsePoint[] bracket() {
        double target = estimator.targetMicrovolts();
        StimulusResponsePoint below = null;
        StimulusResponsePoint above = null;
        for (StimulusResponsePoint p : own) {
            if (p.responseMicrovolts() < target && (below == null || p.stimulusNanoamps() > below.stimulusNanoamps())) {
                below = p;
            }
            if (p.responseMicrovolts() >= target && (above == null || p.stimulusNanoamps() < above.stimulusNanoamps())) {
                above = p;
            }
        }
        if (below == null || above == null || below.stimulusNanoamps() >= above.stimulusNanoamps()
                || below.responseMicrovolts() <= 0) {
            return null;
        }
        return new StimulusResponsePoint[] {below, above};
    }

    private long interpolate(StimulusResponsePoint below, StimulusResponsePoint above) {
        double target = estimator.targetMicrovolts();
        double gBelow = scale(below.responseMicrovolts());
        double gAbove = scale(above.responseMicrovolts());
        double t = gAbove > gBelow ? (scale(target) - gBelow) / (gAbove - gBelow) : 0.5;
        t = Math.max(0.1, Math.min(0.9, t));
        double x = Math.log(below.stimulusNanoamps()) + t * (Math.log(above.stimulusNanoamps())
                - Math.log(below.stimulusNanoamps()));
        return Math.max(1, Math.round(Math.exp(x)));
    }

    /** The response on the scale where recruitment is closest to linear in log stimulus. */
    private double scale(double response) {
        if (knowsTheCeiling()) {
            double f = Math.max(CURVE_FRACTION_FLOOR, Math.min(1 - CURVE_FRACTION_FLOOR,
                    response / curvePrior.maximalResponseMicrovolts()));
            return Math.log(f / (1 - f));
        }
        return Math.log(response);
    }

    /** With a carried slope a single point places the threshold; without, the slope needs three. */
    private int pointsToSteerBy() {
        return curvePrior.isNone() ? LogLogThresholdEstimator.MIN_POINTS : 1;
    }

    private boolean isNearTarget(StimulusResponsePoint p) {
        return estimator.isNearTarget(p);
    }

    private boolean knowsTheCeiling() {
        return curvePrior.knowsMaximalResponse()
                && estimator.targetMicrovolts() < curvePrior.maximalResponseMicrovolts();
    }

    /**
     * Far from the target the near-target slope misleads: a nearly maximal response is capped by the ceiling, so
     * its log error understates the distance, and no response at all gives no distance. With the ceiling known,
     * the response is read through a log-logistic recruitment curve, R = R_max ÷ (1 + c·(θ ÷ I)^h), whose
     * log-log slope at the target fraction f is h·(1 − f): the threshold is where the target would be on the
     * curve through this point. Responses under 2 % or over 98 % of the maximum are read as 2 % and 98 %, which
     * bounds the step (+0.26 and −0.32 in ln at slope 8) where the response carries only a direction.
     */
    private long curveStep(long stimulus, double response) {
        double max = curvePrior.maximalResponseMicrovolts();
        double targetFraction = estimator.targetMicrovolts() / max;
        double slope = curvePrior.isNone() ? settings.priorLogLogSlope() : curvePrior.logLogSlope();
        double steepness = slope / (1 - targetFraction);
        double fraction = Math.max(CURVE_FRACTION_FLOOR, Math.min(1 - CURVE_FRACTION_FLOOR, response / max));
        double step = (Math.log(1 / fraction - 1) - Math.log(1 / targetFraction - 1)) / steepness;
        step = Math.max(-MAX_CURVE_LOG_STEP, Math.min(MAX_CURVE_LOG_STEP, step));
        return Math.max(1, Math.round(stimulus * Math.exp(step)));
    }

    private long proportionalStep(long stimulus, double response) {
        // no response at all is an infinite log error: the largest step up, not a step of the cap ÷ slope
        double logError = response > 0 ? Math.log(estimator.targetMicrovolts() / response) : Double.POSITIVE_INFINITY;
        double slope = curvePrior.isNone() ? settings.priorLogLogSlope() : curvePrior.logLogSlope();
        double step = Math.max(-settings.maxLogStep(), Math.min(settings.maxLogStep(), logError / slope));
        return Math.max(1, Math.round(stimulus * Math.exp(step)));
    }

    @Override
    public Optional<ThresholdEstimate> estimate() {
        return estimator.estimate(points);
    }

    @Override
    public CurvePrior curvePrior() {
        return curvePrior;
    }

    @Override
    public CurvePrior curvePriorForNextCondition() {
        return estimator.fit(points).map(PriorSlopeThresholdEstimator.Fit::posterior).orElse(curvePrior);
    }

    /** Precise enough: stop tracking this point. */
    @Override
    public boolean isConverged() {
        return estimate().filter(e -> e.pointsUsed() >= settings.minNearTargetPoints()
                && e.relativeStandardError() <= settings.targetRelativeError()).isPresent();
    }

    @Override
    public boolean isExhausted() {
        return given >= settings.maxStimuli();
    }

    @Override
    public int stimuliGiven() {
        return given;
    }

    @Override
    public List<StimulusResponsePoint> points() {
        return List.copyOf(points);
    }
}
