package org.excitrack.sim.cortex;

import org.apache.commons.math3.special.Erf;

/**
 * The Goetz/Peterchev statistical MEP model: peak-to-peak amplitude as a function of effective intensity, with
 * an excitability jitter on the intensity axis and a pathway jitter on the log-amplitude axis. Both jitters make
 * MEPs right-skewed (close to log-normal) with a CV that is large near threshold and falls towards saturation.
 *
 * <p>The exact median of that distribution is the noise-free quantity truth is built on: a threshold is where
 * the target is reached on half the trials, the probabilistic definition every threshold method estimates
 * (tms.md §3.1), and what proportional tracking converges to.
 */
final class RecruitmentCurve {
    /** The excitability jitter is integrated over ±7 SD in 0.1 SD steps (the trapezoid rule is spectrally accurate on a Gaussian weight): error far below 0.01 %MSO. */
    private static final double Z_LIMIT = 7;
    private static final double Z_STEP = 0.1;
    private static final double[] Z = new double[(int) Math.round(2 * Z_LIMIT / Z_STEP) + 1];
    private static final double[] WEIGHT = new double[Z.length];

    static {
        double sum = 0;
        for (int i = 0; i < Z.length; i++) {
            Z[i] = -Z_LIMIT + i * Z_STEP;
            WEIGHT[i] = Math.exp(-0.5 * Z[i] * Z[i]);
            sum += WEIGHT[i];
        }
        for (int i = 0; i < Z.length; i++) {
            WEIGHT[i] /= sum;
        }
    }

    private final double offsetPercentMso;
    private final double midpointPercentMso;
    private final double hillExponent;
    private final double log10Floor;
    private final double log10Span;
    private final double excitabilitySdPercentMso;
    private final double pathwaySdLog10;

    RecruitmentCurve(CortexParameters p) {
        offsetPercentMso = p.recruitmentOffsetPercentMso();
        midpointPercentMso = p.recruitmentMidpointAboveOffsetPercentMso();
        hillExponent = p.recruitmentHillExponent();
        log10Floor = Math.log10(CortexParameters.MEP_FLOOR_MILLIVOLTS);
        log10Span = Math.log10(p.mepSaturationMillivolts()) - log10Floor;
        excitabilitySdPercentMso = p.excitabilityJitterSdPercentMso();
        pathwaySdLog10 = p.pathwayJitterSdLog10();
    }

    /** One trial's amplitude, mV, given its standard-normal excitability and pathway draws. */
    double sampleMillivolts(double effectivePercentMso, double excitabilityZ, double pathwayZ) {
        return Math.pow(10, log10Core(effectivePercentMso + excitabilitySdPercentMso * excitabilityZ)
                + pathwaySdLog10 * pathwayZ);
    }

    /** The median amplitude over trials at this effective intensity, mV. */
    double medianMillivolts(double effectivePercentMso) {
        return Math.pow(10, log10Median(effectivePercentMso));
    }

    private double log10Median(double s) {
        // With either jitter absent the amplitude is a monotone function of one symmetric draw, so its median is
        // the curve itself; only the sum of both needs the distribution integrated.
        if (excitabilitySdPercentMso == 0 || pathwaySdLog10 == 0) {
            return log10Core(s);
        }
        double[] core = new double[Z.length];
        for (int i = 0; i < Z.length; i++) {
            core[i] = log10Core(s + excitabilitySdPercentMso * Z[i]);
        }
        // Newton on the distribution function, kept inside a shrinking bracket so a flat stretch cannot throw
        // it out; from the curve's own value it converges in a handful of steps.
        double low = core[0] - 8 * pathwaySdLog10;
        double high = core[core.length - 1] + 8 * pathwaySdLog10;
        double m = log10Core(s);
        for (int iteration = 0; iteration < 100; iteration++) {
            double excess = 0;
            double density = 0;
            for (int i = 0; i < core.length; i++) {
                double u = (m - core[i]) / pathwaySdLog10;
                excess += WEIGHT[i] * 0.5 * Erf.erfc(-u / Math.sqrt(2));
                density += WEIGHT[i] * Math.exp(-0.5 * u * u);
            }
            excess -= 0.5;
            density /= pathwaySdLog10 * Math.sqrt(2 * Math.PI);
            if (excess < 0) {
                low = m;
            } else {
                high = m;
            }
            double next = density > 0 ? m - excess / density : Double.NaN;
            if (!(next > low && next < high)) {
                next = 0.5 * (low + high);
            }
            if (Math.abs(next - m) < 1e-12 || high - low < 1e-12) {
                return next;
            }
            m = next;
        }
        return m;
    }

    /** log10 mV without pathway jitter at intensity {@code s} (%MSO, excitability jitter already added). */
    private double log10Core(double s) {
        double x = s - offsetPercentMso;
        if (x <= 0) {
            return log10Floor;
        }
        double hill = 1 / (1 + Math.pow(midpointPercentMso / x, hillExponent));
        return log10Floor + log10Span * hill;
    }
}
