package org.excitrack.tracking;

/**
 * What earlier data say about the stimulus-response curve near the target — the log-log slope there, the
 * scatter of responses around it, and the curve's ceiling — to be combined with the present condition's own
 * points.
 *
 * <p>Why it helps: a condition (a delay, a polarizing current, an interval) shifts the threshold much more than
 * it changes the slope of ln(response) against ln(stimulus) at the target, so the slope learned at the previous
 * step is good evidence for this one. With the slope known, every near-target point estimates the threshold on
 * its own; without it, a few points close together in stimulus leave the slope, and so the crossing, badly
 * determined. The ceiling (the maximal response) lets a tracker read a far-off response — nearly maximal, or
 * barely there — through the whole recruitment curve rather than through the near-target slope, which
 * saturation makes misleading.
 *
 * @param logLogSlope prior slope of ln(response) on ln(stimulus) at the target
 * @param slopeRelativeSd how uncertain that slope is for this condition, as a fraction of it (0.2 = ±20 %)
 * @param residualSd prior standard deviation of ln(response) around the line, natural-log units
 * @param residualDegreesOfFreedom how many degrees of freedom the residual SD is worth (0: no prior scatter)
 * @param maximalResponseMicrovolts the curve's ceiling, µV; 0 when unknown
 */
public record CurvePrior(double logLogSlope, double slopeRelativeSd, double residualSd,
                         double residualDegreesOfFreedom, double maximalResponseMicrovolts) {
    /**
     * No prior: the present condition's points alone, as QtracP's "data for present condition only".
     * Positive infinity for the slope's uncertainty means the prior carries no weight.
     */
    public static final CurvePrior NONE = new CurvePrior(1, Double.POSITIVE_INFINITY, 0, 0, 0);

    /**
     * Slopes of neighbouring conditions differ: a carried slope is never trusted to better than this.
     * 10 % is about how much the steepness of a nerve's recruitment curve changes between conditions.
     */
    public static final double MIN_CARRIED_SLOPE_RELATIVE_SD = 0.10;
    /** Scatter is carried too, but with at most this many degrees of freedom, so new data can overrule it. */
    public static final double MAX_CARRIED_RESIDUAL_DEGREES_OF_FREEDOM = 4;

    public CurvePrior {
        if (!(logLogSlope > 0) || !(slopeRelativeSd > 0) || !(residualSd >= 0) || !(residualDegreesOfFreedom >= 0)
                || !(maximalResponseMicrovolts >= 0) || Double.isInfinite(logLogSlope)
                || Double.isInfinite(residualSd) || Double.isInfinite(residualDegreesOfFreedom)
                || Double.isInfinite(maximalResponseMicrovolts)) {
            throw new IllegalArgumentException("invalid curve prior: slope " + logLogSlope + " ± "
                    + slopeRelativeSd + " (relative), residual SD " + residualSd + " on " + residualDegreesOfFreedom
                    + " df, maximal response " + maximalResponseMicrovolts + " µV");
        }
        if (!Double.isInfinite(slopeRelativeSd) && residualSd == 0) {
            throw new IllegalArgumentException("a slope prior needs a residual SD above zero to weigh it by");
        }
    }

    /**
     * A generic nerve prior for when nothing has been measured near the target yet: a log-log slope of 8 ± 50 %
     * (median-nerve stimulus-response slopes, trondnf.md §4.1 variable 5, correspond to 6–12 at a 40 % target)
     * and a scatter of 0.15 in ln(response), about what 1.5 % trial-to-trial threshold jitter produces at that
     * slope, worth 2 degrees of freedom.
     *
     * @param maximalResponseMicrovolts the maximal response found by the stimulus-response block, 0 if unknown
     */
    public static CurvePrior typicalNerve(double maximalResponseMicrovolts) {
        return new CurvePrior(8, 0.5, 0.15, 2, maximalResponseMicrovolts);
    }

    /** No slope information (the estimate uses this condition's points only); maybe a ceiling. */
    public boolean isNone() {
        return Double.isInfinite(slopeRelativeSd);
    }

    public boolean knowsMaximalResponse() {
        return maximalResponseMicrovolts > 0;
    }

    /** The same curve knowledge, without the slope. */
    public static CurvePrior ceilingOnly(double maximalResponseMicrovolts) {
        return new CurvePrior(1, Double.POSITIVE_INFINITY, 0, 0, maximalResponseMicrovolts);
    }

    /**
     * The prior's weight on the slope, expressed as the Σ(ln I − mean)² of the points that would pin the slope
     * down as well: residual variance ÷ slope variance. Zero when there is no prior.
     */
    double equivalentSpreadLogSquared() {
        if (isNone()) {
            return 0;
        }
        double slopeSd = slopeRelativeSd * logLogSlope;
        return residualSd * residualSd / (slopeSd * slopeSd);
    }
}
