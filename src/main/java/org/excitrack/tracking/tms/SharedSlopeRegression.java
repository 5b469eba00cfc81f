package org.excitrack.tracking.tms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The thresholds of a parallel tracking block's channels (test alone and conditioned) from all their MEPs at once,
 * by one regression of log10 peak-to-peak amplitude on output with a slope common to the channels and an intercept
 * of each: log10 MEP = a_k + b·x, threshold_k = (log10 target − a_k)/b (ADR 0010, "T-SICI: one slope per block").
 *
 * <p><b>Why a shared slope.</b> The steepness of MEP recruitment near threshold is the subject's, not the stimulus
 * type's: SICI, ICF and SAI move the test pulse's threshold along the output axis (the corticospinal output recruited
 * by a test pulse of given effective strength is the same), so every channel of a block rides the same curve. A
 * channel's ten MEPs clustered near its threshold cannot fix a slope ({@link LogAmplitudeRegression} leans on a
 * literature prior for that); the block's hundred-odd MEPs can, and with the slope known each MEP's reading along it
 * is informative wherever it was given, including the first steps of a conditioned channel on its way from the test
 * threshold to its own.
 *
 * <p><b>All of a channel's MEPs.</b> A parallel block interleaves its channels over the whole block, so a slow drift
 * in excitability reaches the test alone and each conditioned channel alike; the reference and the conditioned
 * thresholds are then compared over the same span of time, and dropping older MEPs (as the per-channel tracker does
 * to follow drift within a serial block) would only add scatter. Each MEP is weighted by its distance from its
 * channel's current threshold, w = 1/(1 + (Δx/h)²) with h = {@code kernelFractionOfThreshold} × threshold, so a
 * straight line is asked to hold only near the target, where log amplitude is close to straight; the slope, the
 * intercepts and the weights are iterated to their fixed point.
 *
 * <p>As in {@link LogAmplitudeRegression}: MEPs are read within a decade of the target; the slope is a ridge towards
 * Tankisi's ten-fold per 18 % of threshold (of the first channel with MEPs, the reference), weight λ in %MSO², which
 * the pooled spread of a block's outputs soon outweighs; a falling or flat fit is held at a quarter of the prior
 * slope.
 *
 * <p><b>Standard error.</b> SE_k = σ·√(Σw²/(Σw)² + (x₀ − x̄_k)²/(Sxx + λ)), where σ, one MEP's scatter on the output
 * axis, is s/b (s² the block's pooled weighted residual variance, shrunk towards
 * {@value LogAmplitudeRegression#PRIOR_SCATTER_DECADES} decades) but never less than the prior's: that scatter along
 * the prior slope, 0.4 × 18 % ≈ 7 % of threshold. The block's own s/b understates it: MEPs read within a decade and
 * a curve that bends near the target make the fitted slope steeper and the residuals smaller than the trial-to-trial
 * jitter of excitability, which acts on the output axis (Goetz: ≈ 3.5 %MSO at a 47 %MSO threshold), really is; a
 * stopping rule on that SE would stop a channel after ≈ 6 MEPs whose threshold scatters half as much again as its SE
 * says (ADR 0010). Pure and deterministic.
 *
 * @param targetMicrovolts the MEP that defines threshold
 * @param decadeFractionOfThreshold prior: a ten-fold MEP change per this fraction of threshold (0.18)
 * @param slopePriorWeightPercentMsoSquared λ, %MSO²
 * @param kernelFractionOfThreshold h of the distance weight as a fraction of the channel's threshold; infinite for
 *     equal weights
 */
public record SharedSlopeRegression(double targetMicrovolts, double decadeFractionOfThreshold,
                                    double slopePriorWeightPercentMsoSquared, double kernelFractionOfThreshold) {
    private static final int MAX_PASSES = 200;
    private static final double CONVERGED_PERCENT_MSO = 1e-9;

    public SharedSlopeRegression {
        if (!(targetMicrovolts > 0) || !(decadeFractionOfThreshold > 0) || !(slopePriorWeightPercentMsoSquared > 0)
                || !(kernelFractionOfThreshold > 0)) {
            throw new IllegalArgumentException("invalid shared-slope regression: target " + targetMicrovolts
                    + " µV, a decade per " + decadeFractionOfThreshold + " of threshold, prior weight "
                    + slopePriorWeightPercentMsoSquared + ", kernel " + kernelFractionOfThreshold + " of threshold");
        }
    }

    /** 0.2 mV target, Tankisi's prior (a decade per 18 % of threshold, λ = 100 %MSO²), h = 15 % of threshold. */
    public static SharedSlopeRegression standard(double targetMicrovolts) {
        return new SharedSlopeRegression(targetMicrovolts, 0.18, 100, 0.15);
    }

    /**
     * Each channel's threshold, in the order given; empty for a channel without MEPs, all empty when no channel has
     * any. {@link TrackedThreshold#slopeDecadesPerPercentMso()} is the shared slope.
     */
    public List<Optional<TrackedThreshold>> estimate(List<List<MsoPoint>> channels) {
        int k = channels.size();
        double logTarget = Math.log10(targetMicrovolts);
        double[][] xs = new double[k][];
        double[][] ys = new double[k][];
        double[] threshold = new double[k];
        int reference = -1;
        for (int c = 0; c < k; c++) {
            List<MsoPoint> points = channels.get(c);
            xs[c] = new double[points.size()];
            ys[c] = new double[points.size()];
            double meanX = 0;
            double meanY = 0;
            for (int i = 0; i < points.size(); i++) {
                xs[c][i] = points.get(i).intensityPercentMso();
                ys[c][i] = read(points.get(i).mepMicrovolts());
                meanX += xs[c][i];
                meanY += ys[c][i];
            }
            if (points.isEmpty()) {
                threshold[c] = Double.NaN;
                continue;
            }
            if (reference < 0) {
                reference = c;
            }
            meanX /= points.size();
            meanY /= points.size();
            threshold[c] = Math.max(1, meanX + (logTarget - meanY) * decadeFractionOfThreshold * Math.max(1, meanX));
        }
        List<Optional<TrackedThreshold>> out = new ArrayList<>();
        if (reference < 0) {
            for (int c = 0; c < k; c++) {
                out.add(Optional.empty());
            }
            return out;
        }
        double lambda = slopePriorWeightPercentMsoSquared;
        double[] meanX = new double[k];
        double[] meanY = new double[k];
        double[] sumW = new double[k];
        double[] sumW2 = new double[k];
        double slope = 0;
        double sxx = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            double priorSlope = 1 / (decadeFractionOfThreshold * threshold[reference]);
            sxx = 0;
            double sxy = 0;
            for (int c = 0; c < k; c++) {
                if (xs[c].length == 0) {
                    continue;
                }
                double w0 = 0;
                double w2 = 0;
                double mx = 0;
                double my = 0;
                for (int i = 0; i < xs[c].length; i++) {
                    double w = weight(xs[c][i], threshold[c]);
                    w0 += w;
                    w2 += w * w;
                    mx += w * xs[c][i];
                    my += w * ys[c][i];
                }
                meanX[c] = mx / w0;
                meanY[c] = my / w0;
                sumW[c] = w0;
                sumW2[c] = w2;
                for (int i = 0; i < xs[c].length; i++) {
                    double w = weight(xs[c][i], threshold[c]);
                    double dx = xs[c][i] - meanX[c];
                    sxx += w * dx * dx;
                    sxy += w * dx * (ys[c][i] - meanY[c]);
                }
            }
            slope = Math.max((sxy + lambda * priorSlope) / (sxx + lambda), 0.25 * priorSlope);
            double moved = 0;
            for (int c = 0; c < k; c++) {
                if (xs[c].length == 0) {
                    continue;
                }
                double next = Math.max(1, meanX[c] + (logTarget - meanY[c]) / slope);
                moved = Math.max(moved, Math.abs(next - threshold[c]));
                // Half a step: the weights follow the thresholds, and a full step can swing between two readings.
                threshold[c] = pass == 0 ? next : 0.5 * (threshold[c] + next);
            }
            if (moved < CONVERGED_PERCENT_MSO) {
                break;
            }
        }
        double sse = 0;
        double weights = 0;
        int channelsWithPoints = 0;
        for (int c = 0; c < k; c++) {
            if (xs[c].length == 0) {
                continue;
            }
            channelsWithPoints++;
            weights += sumW[c];
            for (int i = 0; i < xs[c].length; i++) {
                double r = ys[c][i] - (meanY[c] + slope * (xs[c][i] - meanX[c]));
                sse += weight(xs[c][i], threshold[c]) * r * r;
            }
        }
        double dof = Math.max(0, weights - channelsWithPoints - 1) + lambda / (sxx + lambda);
        double prior = LogAmplitudeRegression.PRIOR_SCATTER_DEGREES_OF_FREEDOM
                * LogAmplitudeRegression.PRIOR_SCATTER_DECADES * LogAmplitudeRegression.PRIOR_SCATTER_DECADES;
        double s = Math.sqrt((prior + sse) / (LogAmplitudeRegression.PRIOR_SCATTER_DEGREES_OF_FREEDOM + dof));
        for (int c = 0; c < k; c++) {
            if (xs[c].length == 0) {
                out.add(Optional.empty());
                continue;
            }
            double d = threshold[c] - meanX[c];
            double perMep = Math.max(s / slope, LogAmplitudeRegression.PRIOR_SCATTER_DECADES
                    * decadeFractionOfThreshold * threshold[c]);
            double se = perMep * Math.sqrt(sumW2[c] / (sumW[c] * sumW[c]) + d * d / (sxx + lambda));
            out.add(Optional.of(new TrackedThreshold(threshold[c], se, xs[c].length, slope)));
        }
        return out;
    }

    private double weight(double x, double threshold) {
        if (Double.isInfinite(kernelFractionOfThreshold)) {
            return 1;
        }
        double u = (x - threshold) / (kernelFractionOfThreshold * threshold);
        return 1 / (1 + u * u);
    }

    /** log10 of the MEP, within a decade of the target. */
    private double read(double mepMicrovolts) {
        double logTarget = Math.log10(targetMicrovolts);
        double log = mepMicrovolts > 0 ? Math.log10(mepMicrovolts) : Double.NEGATIVE_INFINITY;
        return Math.max(logTarget - LogAmplitudeRegression.READ_DECADES,
                Math.min(logTarget + LogAmplitudeRegression.READ_DECADES, log));
    }
}
