package org.excitrack.sim.cortex;

/**
 * How an earlier magnetic pulse or afferent volley changes the excitability the next test pulse meets, as a
 * shift of the test pulse's effective intensity in % of RMT (positive = inhibition, a higher threshold).
 *
 * <p>Working in the threshold-tracking view (S_eff = S_test − ΔS) rather than scaling amplitudes is what makes
 * T-SICI well defined: the conditioned threshold is then exactly RMT + ΔS, whatever the recruitment curve's
 * shape, so truth and a tracker measure the same thing. Effects of several earlier pulses add, a first-order
 * simplification (real SICI and ICF interact non-linearly, e.g. SICI reduces LICI).
 *
 * <p>Each effect is a separable product of an ISI profile and a conditioning-intensity tuning, with intensities
 * in % RMT because that is how protocols set the conditioning stimulus.
 */
final class ConditioningEffects {
    private final CortexParameters p;

    ConditioningEffects(CortexParameters p) {
        this.p = p;
    }

    /**
     * Threshold shift of a test pulse {@code isiMillis} after a magnetic pulse of {@code conditioningPercentRmt};
     * zero for pulses at or after the test pulse.
     */
    double pulseShiftPercentRmt(double isiMillis, double conditioningPercentRmt) {
        if (isiMillis <= 0 || conditioningPercentRmt <= 0) {
            return 0;
        }
        double cs = conditioningPercentRmt;
        double sici = p.siciEarlyDepthPercentRmt()
                * gaussian(isiMillis, p.siciEarlyIsiMillis(), p.siciEarlyIsiSdMillis())
                * tuning(cs, p.siciEarlyOptimalCsPercentRmt(), p.siciCsTuningWidthPercentRmt())
                + p.siciLateDepthPercentRmt()
                * logGaussian(isiMillis, p.siciLateIsiMillis(), p.siciLateIsiLogSd())
                * tuning(cs, p.siciLateOptimalCsPercentRmt(), p.siciCsTuningWidthPercentRmt());
        double icf = p.icfDepthPercentRmt()
                * logGaussian(isiMillis, p.icfIsiMillis(), p.icfIsiLogSd())
                * tuning(cs, p.icfOptimalCsPercentRmt(), p.icfCsTuningWidthPercentRmt());
        // SICF rises steeply once the first pulse itself sets up I-waves; at a 70 % RMT CS it is a trace, at
        // 90–100 % RMT it overrides SICI at its peaks, which is why SICI is U-shaped in CS intensity.
        double sicf = p.sicfDepthPercentRmt() * iWavePeaks(isiMillis)
                * logistic(cs, p.sicfCsHalfPercentRmt(), p.sicfCsSlopePercentRmt());
        double lici = p.liciDepthPercentRmt()
                * logGaussian(isiMillis, p.liciIsiMillis(), p.liciIsiLogSd())
                * logistic(cs, p.liciCsHalfPercentRmt(), p.liciCsSlopePercentRmt());
        return sici + lici - icf - sicf;
    }

    /**
     * Threshold shift of a test pulse {@code isiMillis} after a nerve stimulus recruiting
     * {@code recruitedFraction} of its axons: SAI. Linear in the fraction, since the inhibition is carried by
     * the afferent volley's size, which grows with the number of recruited axons.
     */
    double afferentShiftPercentRmt(double isiMillis, double recruitedFraction) {
        if (isiMillis <= 0) {
            return 0;
        }
        return p.saiDepthPercentRmt() * recruitedFraction * gaussian(isiMillis, p.saiIsiMillis(), p.saiIsiSdMillis());
    }

    /** Facilitation of every pulse by voluntary contraction: a threshold fall that saturates by ≈ 10 % MVC. */
    double activeFacilitationPercentRmt(double contractionFractionOfMvc) {
        return p.activeFacilitationPercentRmt() * activation(contractionFractionOfMvc);
    }

    /**
     * How far contraction has brought the corticospinal pathway towards its fully active state, 0..1; the
     * facilitation and the latency shortening both follow it, because both come from motoneurons already
     * near firing.
     */
    double activation(double contractionFractionOfMvc) {
        return 1 - Math.exp(-contractionFractionOfMvc / p.activeFacilitationMvcFractionScale());
    }

    private double iWavePeaks(double isiMillis) {
        double sum = 0;
        double height = 1;
        for (int peak = 0; peak < 3; peak++) {
            sum += height * gaussian(isiMillis, p.sicfFirstPeakIsiMillis() + peak * p.sicfPeakSpacingMillis(),
                    p.sicfPeakSdMillis());
            height *= p.sicfLaterPeakRatio();
        }
        return sum;
    }

    private static double gaussian(double x, double centre, double sd) {
        double z = (x - centre) / sd;
        return Math.exp(-0.5 * z * z);
    }

    /** A bump on the log axis: ISI effects rise quickly and fade slowly, as measured profiles do. */
    private static double logGaussian(double x, double peak, double logSd) {
        double z = Math.log(x / peak) / logSd;
        return Math.exp(-0.5 * z * z);
    }

    /** An intensity window, the exp(−((CS − opt)/w)²) form of sim-model.md §5.2. */
    private static double tuning(double cs, double optimal, double width) {
        double z = (cs - optimal) / width;
        return Math.exp(-z * z);
    }

    private static double logistic(double x, double half, double slope) {
        return 1 / (1 + Math.exp(-(x - half) / slope));
    }
}
