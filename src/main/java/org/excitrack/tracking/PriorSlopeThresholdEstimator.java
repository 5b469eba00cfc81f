package org.excitrack.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The regression of {@link LogLogThresholdEstimator} with the slope drawn towards a prior (a ridge on the slope):
 * b = (Sxy + λ·b₀) ÷ (Sxx + λ), where λ = prior residual variance ÷ prior slope variance is the spread of points
 * that would have pinned the slope down as well as the prior does. The intercept, and so the threshold, still
 * comes from this condition's points only.
 *
 * <p>The residual variance pools the prior scatter with this condition's residuals (ν₀·σ₀² + SSE) ÷ (ν₀ + ν),
 * where the data's degrees of freedom ν = n − 2 + λ ÷ (Sxx + λ) run from the classical n − 2 (no prior) to
 * n − 1 (slope fixed). The threshold's standard error follows by the delta method as in the plain regression,
 * with Sxx + λ in place of Sxx. With {@link CurvePrior#NONE} the result is exactly the plain regression's.
 *
 * <p>With a prior, one near-target point is enough for an estimate (it is the Newton step along the prior
 * slope); trackers decide how many points they need before they believe it. With a prior that also knows the
 * ceiling, all of this runs on the logit scale ({@link #usesLogit()}); estimates and posteriors report slopes and
 * scatter converted back to ln(response) at the target, so priors mean the same on either scale.
 */
public record PriorSlopeThresholdEstimator(double targetMicrovolts, double bandFactor, CurvePrior prior) {

    /** The estimate and what it teaches the next condition about the slope and the scatter. */
    public record Fit(ThresholdEstimate estimate, CurvePrior posterior) {
    }

    public PriorSlopeThresholdEstimator {
        new LogLogThresholdEstimator(targetMicrovolts, bandFactor); // same preconditions, same messages
    }

    public Optional<ThresholdEstimate> estimate(List<StimulusResponsePoint> points) {
        return fit(points).map(Fit::estimate);
    }

    public Optional<Fit> fit(List<StimulusResponsePoint> points) {
        LogLogThresholdEstimator plain = new LogLogThresholdEstimator(targetMicrovolts, bandFactor);
        if (prior.isNone()) {
            return plain.estimate(points).map(e -> new Fit(e, plainPosterior(e, plain.nearTarget(points),
                    prior.maximalResponseMicrovolts())));
        }
        List<StimulusResponsePoint> near = new ArrayList<>();
        for (StimulusResponsePoint p : points) {
            if (isNearTarget(p)) {
                near.add(p);
            }
        }
        int n = near.size();
        if (n == 0) {
            return Optional.empty();
        }
        // on the logit scale the slope is the log-log slope at the target divided by (1 − target fraction), and so
        // is the scatter near the target: convert the prior in, and the results back
        double toScale = usesLogit() ? 1 / (1 - targetMicrovolts / prior.maximalResponseMicrovolts()) : 1;
        double meanX = 0;
        double meanY = 0;
        for (StimulusResponsePoint p : near) {
            meanX += Math.log(p.stimulusNanoamps());
            meanY += scaled(p.responseMicrovolts());
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (StimulusResponsePoint p : near) {
            double dx = Math.log(p.stimulusNanoamps()) - meanX;
            sxx += dx * dx;
            sxy += dx * (scaled(p.responseMicrovolts()) - meanY);
        }
        double lambda = prior.equivalentSpreadLogSquared();
        double slope = (sxy + lambda * prior.logLogSlope() * toScale) / (sxx + lambda);
        if (!(slope > 0)) {
            return Optional.empty();
        }
        double intercept = meanY - slope * meanX;
        double sse = 0;
        for (StimulusResponsePoint p : near) {
            double r = scaled(p.responseMicrovolts()) - (intercept + slope * Math.log(p.stimulusNanoamps()));
            sse += r * r;
        }
        double priorResidualSd = prior.residualSd() * toScale;
        double dataDegreesOfFreedom = n - 2 + lambda / (sxx + lambda);
        double pooledDegreesOfFreedom = prior.residualDegreesOfFreedom() + dataDegreesOfFreedom;
        double residualVariance = pooledDegreesOfFreedom > 0
                ? (prior.residualDegreesOfFreedom() * priorResidualSd * priorResidualSd + Math.max(0, sse))
                        / pooledDegreesOfFreedom
                : Double.POSITIVE_INFINITY;
        double residualSd = Math.sqrt(residualVariance);
        double x0 = (scaled(targetMicrovolts) - intercept) / slope;
        double seX0 = residualSd / slope * Math.sqrt(1.0 / n + (x0 - meanX) * (x0 - meanX) / (sxx + lambda));
        double threshold = Math.exp(x0);
        ThresholdEstimate estimate = new ThresholdEstimate(threshold, threshold * seX0, n, slope / toScale);
        double slopeRelativeSd = Math.sqrt(residualVariance / (sxx + lambda)) / slope;
        CurvePrior posterior = Double.isFinite(residualSd) && residualSd > 0
                ? carried(slope / toScale, slopeRelativeSd, residualSd / toScale, pooledDegreesOfFreedom,
                        prior.maximalResponseMicrovolts())
                : prior;
        return Optional.of(new Fit(estimate, posterior));
    }

    /**
     * With the ceiling known, responses are regressed on the logit scale ln(R ÷ (R_max − R)), on which a
     * sigmoid recruitment curve is straight: ln(R) bends over towards the ceiling (its log-log slope falls from
     * h·(1 − f) at the target towards zero), so a line through ln(R) is biased by the spread of the points and
     * must keep to a narrow band. Without the ceiling, ln(R) in the ÷/× band as QtracP.
     */
    boolean usesLogit() {
        return !prior.isNone() && prior.knowsMaximalResponse() && targetMicrovolts < prior.maximalResponseMicrovolts();
    }

    /**
     * Logit band: ±1.1 around the target's logit, 18–67 % of the maximum at a 40 % target, about ±8 % in stimulus
     * on a typical nerve. Wider bands save few stimuli (a 1.5 half-width saved 1.5 %) but lean harder on the
     * sigmoid shape far from the target, which real recruitment curves follow less well than the simulated one.
     */
    static final double LOGIT_HALF_WIDTH = 1.1;

    /** Whether a point counts towards the estimate. */
    public boolean isNearTarget(StimulusResponsePoint p) {
        double r = p.responseMicrovolts();
        if (p.stimulusNanoamps() <= 0 || r <= 0) {
            return false;
        }
        if (usesLogit()) {
            return r < prior.maximalResponseMicrovolts()
                    && Math.abs(scaled(r) - scaled(targetMicrovolts)) <= LOGIT_HALF_WIDTH;
        }
        return r >= targetMicrovolts / bandFactor && r <= targetMicrovolts * bandFactor;
    }

    private double scaled(double responseMicrovolts) {
        return usesLogit()
                ? Math.log(responseMicrovolts / (prior.maximalResponseMicrovolts() - responseMicrovolts))
                : Math.log(responseMicrovolts);
    }

    /** Without a prior the regression has n − 2 degrees of freedom and its slope's own standard error. */
    private static CurvePrior plainPosterior(ThresholdEstimate e, List<StimulusResponsePoint> near,
                                             double maximalResponseMicrovolts) {
        int n = near.size();
        double meanX = near.stream().mapToDouble(p -> Math.log(p.stimulusNanoamps())).average().orElse(0);
        double sxx = near.stream().mapToDouble(p -> Math.log(p.stimulusNanoamps()) - meanX)
                .map(d -> d * d).sum();
        double meanY = near.stream().mapToDouble(p -> Math.log(p.responseMicrovolts())).average().orElse(0);
        double intercept = meanY - e.logLogSlope() * meanX;
        double sse = near.stream().mapToDouble(p -> Math.log(p.responseMicrovolts())
                - (intercept + e.logLogSlope() * Math.log(p.stimulusNanoamps()))).map(r -> r * r).sum();
        double dof = n - 2;
        double residualSd = Math.sqrt(sse / dof);
        if (!(residualSd > 0)) {
            return CurvePrior.ceilingOnly(maximalResponseMicrovolts);
        }
        return carried(e.logLogSlope(), residualSd / Math.sqrt(sxx) / e.logLogSlope(), residualSd, dof,
                maximalResponseMicrovolts);
    }

    private static CurvePrior carried(double slope, double slopeRelativeSd, double residualSd, double dof,
                                      double maximalResponseMicrovolts) {
        return new CurvePrior(slope, Math.max(CurvePrior.MIN_CARRIED_SLOPE_RELATIVE_SD, slopeRelativeSd),
                residualSd, Math.min(CurvePrior.MAX_CARRIED_RESIDUAL_DEGREES_OF_FREEDOM, dof),
                maximalResponseMicrovolts);
    }
}
