package org.excitrack.tracking.tms;

import java.util.List;
import java.util.Optional;

/**
 * Threshold from recent MEPs of one stimulus type by regression of log10 peak-to-peak amplitude on output, as in
 * parallel threshold tracking (Tankisi et al. 2021; tms.md §2.2): fit log10 MEP = a + b·x, threshold =
 * (log10 target − a)/b.
 *
 * <p><b>Slope prior.</b> A handful of MEPs scattered by ≈ 0.4 decades cannot fix a slope, so b is drawn towards
 * Tankisi's "ten-fold amplitude ≈ 18 % threshold": b₀ = 1 decade per {@code decadeFractionOfThreshold} × the
 * threshold (estimated by the prior slope first, so b₀ follows the subject's own threshold). As a ridge on the
 * slope, b = (Sxy + λ·b₀)/(Sxx + λ), with λ ({@code slopePriorWeightPercentMsoSquared}) the spread of outputs, in
 * %MSO², that would pin the slope as well as the prior does. With the standard λ of 100 %MSO² (ten points at ±3
 * %MSO have Sxx = 90), the prior rules the slope while points cluster near threshold, as they do in tracking; a
 * single point already gives an estimate: its reading along the prior slope.
 *
 * <p><b>Floor and ceiling.</b> MEPs are read within a decade of the target, log10 MEP clamped to [log10 target −
 * 1, log10 target + 1]: a response lost in noise, or near saturation, says only "far below" or "far above", and
 * along the prior slope a decade is ≈ 18 % of threshold, a step no tracker should take on one MEP.
 *
 * <p><b>Standard error.</b> Residual variance pooled with a prior scatter of {@value #PRIOR_SCATTER_DECADES}
 * decades worth {@value #PRIOR_SCATTER_DEGREES_OF_FREEDOM} degrees of freedom (MEPs near threshold scatter by
 * 0.3–0.5 decades), then the delta method: SE(x₀) = (s/b)·√(1/n + (x₀ − x̄)²/(Sxx + λ)).
 *
 * <p>Not the nerve tracker's {@code PriorSlopeThresholdEstimator}: that one regresses ln response on ln stimulus in
 * nanoamps with a slope carried between conditions; magnetic thresholds are tracked on the linear %MSO axis the
 * T-SICI literature uses, with a fixed literature prior.
 *
 * @param targetMicrovolts the MEP that defines threshold
 * @param decadeFractionOfThreshold prior: a ten-fold MEP change per this fraction of threshold (0.18)
 * @param slopePriorWeightPercentMsoSquared λ, %MSO²
 */
public record LogAmplitudeRegression(double targetMicrovolts, double decadeFractionOfThreshold,
                                     double slopePriorWeightPercentMsoSquared) {
    static final double PRIOR_SCATTER_DECADES = 0.4;
    static final double PRIOR_SCATTER_DEGREES_OF_FREEDOM = 4;
    /** MEPs are read within this many decades of the target. */
    static final double READ_DECADES = 1;
    private static final int MAX_PASSES = 100;

    public LogAmplitudeRegression {
        if (!(targetMicrovolts > 0) || !(decadeFractionOfThreshold > 0) || !(slopePriorWeightPercentMsoSquared > 0)) {
            throw new IllegalArgumentException("invalid regression: target " + targetMicrovolts + " µV, a decade per "
                    + decadeFractionOfThreshold + " of threshold, prior weight " + slopePriorWeightPercentMsoSquared);
        }
    }

    /** 0.2 mV target, a decade per 18 % of threshold, λ = 100 %MSO². */
    public static LogAmplitudeRegression tankisi(double targetMicrovolts) {
        return new LogAmplitudeRegression(targetMicrovolts, 0.18, 100);
    }

    /** Empty without points. */
    public Optional<TrackedThreshold> estimate(List<MsoPoint> points) {
        int n = points.size();
        if (n == 0) {
            return Optional.empty();
        }
        double logTarget = Math.log10(targetMicrovolts);
        double meanX = 0;
        double meanY = 0;
        for (MsoPoint p : points) {
            meanX += p.intensityPercentMso();
            meanY += read(p.mepMicrovolts());
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (MsoPoint p : points) {
            double dx = p.intensityPercentMso() - meanX;
            sxx += dx * dx;
            sxy += dx * (read(p.mepMicrovolts()) - meanY);
        }
        double lambda = slopePriorWeightPercentMsoSquared;
        // The prior slope depends on the threshold and the threshold on the slope: iterate to the fixed point,
        // which a few passes reach (each moves the threshold by a fraction of the last move).
        double threshold = Math.max(1, meanX + (logTarget - meanY) * decadeFractionOfThreshold * Math.max(1, meanX));
        double slope = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            double priorSlope = 1 / (decadeFractionOfThreshold * threshold);
            slope = (sxy + lambda * priorSlope) / (sxx + lambda);
            slope = Math.max(slope, 0.25 * priorSlope); // a falling or flat fit is noise, not physiology
            double previous = threshold;
            threshold = Math.max(1, meanX + (logTarget - meanY) / slope);
            if (Math.abs(threshold - previous) < 1e-9) {
                break;
            }
        }
        double sse = 0;
        for (MsoPoint p : points) {
            double r = read(p.mepMicrovolts()) - (meanY + slope * (p.intensityPercentMso() - meanX));
            sse += r * r;
        }
        double dof = n - 2 + lambda / (sxx + lambda);
        double variance = (PRIOR_SCATTER_DEGREES_OF_FREEDOM * PRIOR_SCATTER_DECADES * PRIOR_SCATTER_DECADES + sse)
                / (PRIOR_SCATTER_DEGREES_OF_FREEDOM + dof);
        double se = Math.sqrt(variance) / slope
                * Math.sqrt(1.0 / n + (threshold - meanX) * (threshold - meanX) / (sxx + lambda));
        return Optional.of(new TrackedThreshold(threshold, se, n, slope));
    }

    /** log10 of the MEP, within a decade of the target. */
    private double read(double mepMicrovolts) {
        double logTarget = Math.log10(targetMicrovolts);
        double log = mepMicrovolts > 0 ? Math.log10(mepMicrovolts) : Double.NEGATIVE_INFINITY;
        return Math.max(logTarget - READ_DECADES, Math.min(logTarget + READ_DECADES, log));
    }
}
