package org.excitrack.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic but realistically shaped threshold changes for serial-tracking tests, as threshold factors
 * (conditioned threshold ÷ control threshold) at the TRONDNF step values (trondnf.md §1.1): the +40 % and −40 %
 * threshold-electrotonus curves and the recovery cycle. Shapes follow the normative values of trondnf.md §4.2
 * (TEd peak ~65 %, TEd(90–100) ~45 %, undershoot ~−18 %; TEh(90–100) ~−115 %; superexcitability ~−24 %,
 * refractoriness at 2 ms ~+80 %).
 */
final class ThresholdProfiles {
    private ThresholdProfiles() {
    }

    static final double[] TE1_DELAYS_MS = {0, 9, 10, 11, 15, 20, 26, 33, 41, 50, 60, 70, 80, 90, 100, 109, 110,
        111, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210};
    static final double[] TE2_DELAYS_MS = {0, 9, 10, 11, 20, 30, 40, 50, 60, 70, 80, 90, 100, 109, 110, 111, 120,
        130, 140, 150, 160, 170, 180, 190, 200, 210};
    static final double[] RC_INTERVALS_MS = {2, 2.5, 3.2, 4, 5, 6.3, 7.9, 10, 13, 18, 24, 32, 42, 56, 75, 100, 140,
        200};

    /** Threshold reduction (positive = lower threshold) for the +40 % depolarizing current from 10 to 110 ms. */
    static double teDepolarizingReduction(double delayMs) {
        if (delayMs < 10) {
            return 0;
        }
        if (delayMs < 110) {
            double t = delayMs - 10;
            return 0.40 + 0.27 * (1 - Math.exp(-t / 5)) - 0.22 * (1 - Math.exp(-t / 40));
        }
        double end = teDepolarizingReduction(109.999);
        double t = delayMs - 110;
        return (end - 0.40) * Math.exp(-t / 3) - 0.20 * (1 - Math.exp(-t / 8)) * Math.exp(-t / 60);
    }

    /** Threshold reduction (negative = higher threshold) for the −40 % hyperpolarizing current. */
    static double teHyperpolarizingReduction(double delayMs) {
        if (delayMs < 10) {
            return 0;
        }
        if (delayMs < 110) {
            double t = delayMs - 10;
            return -0.40 - 0.80 * (1 - Math.exp(-t / 40));
        }
        double end = teHyperpolarizingReduction(109.999);
        double t = delayMs - 110;
        return (end + 0.40) * Math.exp(-t / 30) - 0.40 * Math.exp(-t / 0.7) + 0.12 * (1 - Math.exp(-t / 5))
                * Math.exp(-t / 60);
    }

    /** Threshold change (positive = higher threshold) after a supramaximal conditioning pulse. */
    static double recoveryChange(double intervalMs) {
        double refractory = 3.0 * Math.exp(-(intervalMs - 1.4) / 0.55);
        double superexcitable = -0.45 * Math.exp(-intervalMs / 12) * (1 - Math.exp(-intervalMs / 2.5));
        double subexcitable = 0.16 * (1 - Math.exp(-intervalMs / 20)) * Math.exp(-intervalMs / 80);
        return refractory + superexcitable + subexcitable;
    }

    /**
     * The conditions of a serial sequence: threshold factors from the profile, steepness factors log-normal with
     * an 8 % SD (so a slope carried from the previous step is never quite right), drawn from {@code seed}.
     */
    static List<SyntheticNerve.Condition> conditions(double[] thresholdFactors, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SyntheticNerve.Condition> conditions = new ArrayList<>();
        for (double f : thresholdFactors) {
            conditions.add(new SyntheticNerve.Condition(f, Math.exp(0.08 * random.nextGaussian())));
        }
        return conditions;
    }

    static double[] teDepolarizing() {
        double[] f = new double[TE1_DELAYS_MS.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = 1 - teDepolarizingReduction(TE1_DELAYS_MS[i]);
        }
        return f;
    }

    static double[] teHyperpolarizing() {
        double[] f = new double[TE2_DELAYS_MS.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = 1 - teHyperpolarizingReduction(TE2_DELAYS_MS[i]);
        }
        return f;
    }

    static double[] recoveryCycle() {
        double[] f = new double[RC_INTERVALS_MS.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = 1 + recoveryChange(RC_INTERVALS_MS[i]);
        }
        return f;
    }
}
