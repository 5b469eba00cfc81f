package org.excitrack.tracking.tms;

import java.util.ArrayList;
import java.util.List;

/**
 * Tracks the magnetic output (%MSO) that evokes a target MEP, for threshold-tracking TMS (T-SICI, T-ICF, T-SAI):
 * the regression of log MEP on stimulus of Tankisi et al. 2021 (tms.md §2.2), on log-log scales with a prior on the
 * slope so that the first few stimuli already place the threshold.
 *
 * <p><b>Model.</b> log10 MEP = a + k·log10 S + noise. Tankisi's "a ten-fold change in amplitude ≈ an 18 % change in
 * threshold" gives the slope k ≈ 1 / log10 1.18 ≈ 13.9; the prior lets it vary by ±30 %, since the recruitment
 * curve's steepness differs between subjects and conditions. MEPs scatter by about 0.45 log10 units around the
 * line at a fixed output (trial-to-trial excitability jitter of ≈ 7 % of threshold times that slope, plus the
 * MEP's own variability). MEPs below the amplifier's floor carry no more than "small": they are read at the floor.
 *
 * <p><b>Estimate.</b> The maximum a posteriori (a, k) solves a 2 × 2 linear system (least squares plus the slope
 * prior's penalty); the threshold is where the line reaches the target, its standard error follows from the
 * posterior covariance by the delta method. <b>Next stimulus</b>: before two responses, a step along the prior
 * slope from the last one (a Newton step); then the current estimate, rounded to whole %MSO; a step never moves
 * more than {@link #MAX_STEP_FRACTION} of the current output. <b>Stop</b>: at least {@code minStimuli} and a
 * relative standard error at most the precision asked for, or {@code maxStimuli}.
 */
public final class MepThresholdTracker {
    /** Tankisi 2021: ten-fold in amplitude ≈ 18 % in threshold. */
    public static final double PRIOR_LOG_LOG_SLOPE = 1 / Math.log10(1.18);
    static final double PRIOR_SLOPE_RELATIVE_SD = 0.3;
    static final double RESIDUAL_SD_LOG10 = 0.45;
    /** MEPs smaller than this are amplifier noise, not a measure of how far below threshold the output was. */
    static final double FLOOR_MICROVOLTS = 10;
    /** One step moves the output by at most 15 %. */
    static final double MAX_STEP_FRACTION = 0.15;

    private final double targetLog10;
    private final int maxIntensityPercentMso;
    private final int minStimuli;
    private final int maxStimuli;
    private final double precisionFraction;
    private final List<double[]> points = new ArrayList<>();
    private double next;

    /**
     * @param startPercentMso first output: a reference threshold or a neighbouring condition's
     * @param precisionPercent stop when the threshold's standard error is at most this % of it
     */
    public MepThresholdTracker(double targetMicrovolts, double startPercentMso, int maxIntensityPercentMso,
                               int minStimuli, int maxStimuli, double precisionPercent) {
        if (!(targetMicrovolts > FLOOR_MICROVOLTS) || !(startPercentMso > 0) || maxIntensityPercentMso < 1
                || minStimuli < 1 || maxStimuli < minStimuli || !(precisionPercent > 0)) {
            throw new IllegalArgumentException("invalid MEP tracker: target " + targetMicrovolts + " µV, start "
                    + startPercentMso + " %MSO, maximum " + maxIntensityPercentMso + " %MSO, stimuli " + minStimuli
                    + ".." + maxStimuli + ", precision " + precisionPercent + " %");
        }
        this.targetLog10 = Math.log10(targetMicrovolts);
        this.maxIntensityPercentMso = maxIntensityPercentMso;
        this.minStimuli = minStimuli;
        this.maxStimuli = maxStimuli;
        this.precisionFraction = precisionPercent / 100;
        this.next = startPercentMso;
    }

    /** The next output, whole %MSO (at least 1; it may exceed the maximum, which the caller must refuse). */
    public int nextPercentMso() {
        return (int) Math.max(1, Math.round(next));
    }

    public void record(int percentMso, double mepMicrovolts) {
        double x = Math.log10(percentMso);
        double y = Math.log10(Math.max(FLOOR_MICROVOLTS, mepMicrovolts));
        points.add(new double[] {x, y});
        double wanted = points.size() < 2
                ? Math.pow(10, x + (targetLog10 - y) / PRIOR_LOG_LOG_SLOPE)
                : estimatePercentMso();
        double limit = MAX_STEP_FRACTION * percentMso;
        next = Math.min(Math.max(wanted, percentMso - limit), percentMso + limit);
        next = Math.min(next, maxIntensityPercentMso + 1.0);
    }

    public int stimuliGiven() {
        return points.size();
    }

    public boolean isFinished() {
        return points.size() >= maxStimuli || isPrecise();
    }

    /** At least the least stimuli, and the threshold known to the precision asked for. */
    public boolean isPrecise() {
        return points.size() >= Math.max(2, minStimuli) && fit().standardErrorLog10() * Math.log(10) <= precisionFraction;
    }

    /** The threshold, %MSO; NaN before any response. */
    public double estimatePercentMso() {
        return points.isEmpty() ? Double.NaN : Math.pow(10, fit().thresholdLog10());
    }

    /** Its standard error, %MSO; NaN before two responses. */
    public double standardErrorPercentMso() {
        if (points.size() < 2) {
            return Double.NaN;
        }
        Fit f = fit();
        return Math.pow(10, f.thresholdLog10()) * Math.log(10) * f.standardErrorLog10();
    }

    private record Fit(double thresholdLog10, double standardErrorLog10) {
    }

    /**
     * Least squares for a + k·(x − x̄) with a Gaussian prior on k, in closed form: centring x makes the intercept
     * and slope independent, so each has its own 1-D posterior.
     */
    private Fit fit() {
        int n = points.size();
        double meanX = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double meanY = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            sxx += (p[0] - meanX) * (p[0] - meanX);
            sxy += (p[0] - meanX) * (p[1] - meanY);
        }
        double noiseVar = RESIDUAL_SD_LOG10 * RESIDUAL_SD_LOG10;
        double priorSd = PRIOR_SLOPE_RELATIVE_SD * PRIOR_LOG_LOG_SLOPE;
        double priorPrecision = noiseVar / (priorSd * priorSd);
        double k = (sxy + priorPrecision * PRIOR_LOG_LOG_SLOPE) / (sxx + priorPrecision);
        double varK = noiseVar / (sxx + priorPrecision);
        double varA = noiseVar / n;
        double dx = (targetLog10 - meanY) / k;
        double thresholdLog10 = meanX + dx;
        // delta method: x_T = x̄ + (t − a)/k, with a and k independent
        double varT = varA / (k * k) + dx * dx * varK / (k * k);
        return new Fit(thresholdLog10, Math.sqrt(varT));
    }
}
