package org.excitrack.sim.cortex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A population of virtual motor cortices around a base preset: subject i's recruitment curve and trial-to-trial
 * jitters are drawn with the between-subject spread of the Goetz et al. 2019 statistical MEP model (tms.md §4.3),
 * everything else (conditioning effects, latencies, EMG) is the base preset's. Subject i is the same for the same
 * base, seed and index, whatever other subjects were drawn before it.
 *
 * <p><b>Mapping.</b> Goetz draws, per subject, (p2, log10 p3, log10 p4, log10 p5) from a multivariate normal, the
 * pathway jitter p6 and the excitability jitter p7 log-normally. Each draw is applied to the base preset as a
 * ratio to the value the population means give, so a preset keeps its own scale (healthy's RMT ≈ 47 %MSO, ALS's
 * lower offset) and only the spread is Goetz's:
 * <ul>
 *   <li>offset × p5 ÷ 10^1.66649 (Goetz p5 is the offset itself);</li>
 *   <li>midpoint above the offset × p3^(1/p4) ÷ (population-mean p3^(1/p4)): Goetz's curve reaches half its log
 *       span where x^p4 = p3;</li>
 *   <li>Hill exponent × p4 ÷ 10^0.42639;</li>
 *   <li>saturation × 10^(p2 − 4.5323) (p2 is log10 of the saturation in units of 0.1 µV);</li>
 *   <li>pathway jitter × p6 ÷ 10^−0.96453, excitability jitter × p7 ÷ 10^0.68827.</li>
 * </ul>
 * Goetz's p1 (the additive noise floor) has no counterpart here: background EMG is a preset parameter and the
 * amplifier's noise is the virtual amplifier's. The p3/p4/p5 block is strongly correlated (a flatter curve comes
 * with a later midpoint), which is why the threshold varies less than each parameter alone would suggest.
 *
 * <p><b>Rejection.</b> A draw is redrawn while its threshold-tracking RMT (0.2 mV) lies outside
 * {@value #MIN_RMT_PERCENT_MSO}–{@value #MAX_RMT_PERCENT_MSO} %MSO, the range in which a resting threshold can be
 * measured and conditioned on a real stimulator, or while its 50 µV (IFCN) threshold is undefined. With the
 * healthy preset this gives RMT 44 ± 9 %MSO (median 43; 200 subjects of seed 1), around the APB figure of
 * 47 ± 8 %MSO the presets are scaled to, and an IFCN (50 µV) threshold 3 ± 2.3 %MSO lower.
 */
public final class CortexPopulation {
    /** Lowest accepted RMT (0.2 mV): below this the conditioning pulse of T-SICI is too weak to set reliably. */
    public static final double MIN_RMT_PERCENT_MSO = 30;
    /** Highest accepted RMT: 120 % of it must still be within the stimulator for a stimulus-response curve. */
    public static final double MAX_RMT_PERCENT_MSO = 85;
    /** Far more redraws than a plausible base preset ever needs; a loop that does not end is a bug. */
    private static final int MAX_DRAWS = 1_000;

    // Goetz population means (tms.md §4.3).
    private static final double MEAN_P2 = 4.5323;
    private static final double MEAN_LOG10_P3 = 3.6466;
    private static final double MEAN_LOG10_P4 = 0.42639;
    private static final double MEAN_LOG10_P5 = 1.66649;
    private static final double SD_P2 = Math.sqrt(0.12617);
    private static final double MEAN_LOG10_P6 = -0.96453;
    private static final double SD_LOG10_P6 = 0.022759;
    private static final double MEAN_LOG10_P7 = 0.68827;
    private static final double SD_LOG10_P7 = 0.023671;
    /** Cholesky factor of the covariance of (log10 p3, log10 p4, log10 p5). */
    private static final double[][] CHOLESKY_P345 = cholesky(new double[][] {
        {7.20274, 0.56974, -0.19746},
        {0.56974, 0.047426, -0.015113},
        {-0.19746, -0.015113, 0.0071071}});
    private static final double MEAN_MIDPOINT = midpoint(MEAN_LOG10_P3, MEAN_LOG10_P4);

    private final CortexParameters base;
    private final long seed;

    /**
     * @param base the preset every subject varies around (e.g. {@link CortexParameters#healthy()})
     * @param seed selects the population; the same seed gives the same subjects
     */
    public CortexPopulation(CortexParameters base, long seed) {
        this.base = base;
        this.seed = seed;
    }

    public CortexParameters base() {
        return base;
    }

    /** Subject {@code index} (0, 1, …): the same parameters for the same base, seed and index. */
    public CortexParameters subject(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("subject index " + index + " must not be negative");
        }
        // One stream per subject, so subject 17 does not depend on how many draws subjects 0–16 needed. The seed is
        // scrambled first: java.util.Random's first draws from neighbouring seeds are correlated, which would make
        // neighbouring subjects alike.
        Random random = new Random(mix(mix(seed) + index));
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            CortexParameters candidate = draw(random);
            if (isPlausible(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no plausible subject in " + MAX_DRAWS + " draws around " + base);
    }

    /** Subjects 0 … count − 1. */
    public List<CortexParameters> subjects(int count) {
        List<CortexParameters> subjects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            subjects.add(subject(i));
        }
        return subjects;
    }

    private CortexParameters draw(Random random) {
        double p2 = MEAN_P2 + SD_P2 * random.nextGaussian();
        double[] z = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        double log10P3 = MEAN_LOG10_P3 + correlated(0, z);
        double log10P4 = MEAN_LOG10_P4 + correlated(1, z);
        double log10P5 = MEAN_LOG10_P5 + correlated(2, z);
        double log10P6 = MEAN_LOG10_P6 + SD_LOG10_P6 * random.nextGaussian();
        double log10P7 = MEAN_LOG10_P7 + SD_LOG10_P7 * random.nextGaussian();
        return base
                .scaled("recruitmentOffsetPercentMso", Math.pow(10, log10P5 - MEAN_LOG10_P5))
                .scaled("recruitmentMidpointAboveOffsetPercentMso", midpoint(log10P3, log10P4) / MEAN_MIDPOINT)
                .scaled("recruitmentHillExponent", Math.pow(10, log10P4 - MEAN_LOG10_P4))
                .scaled("mepSaturationMillivolts", Math.pow(10, p2 - MEAN_P2))
                .scaled("pathwayJitterSdLog10", Math.pow(10, log10P6 - MEAN_LOG10_P6))
                .scaled("excitabilityJitterSdPercentMso", Math.pow(10, log10P7 - MEAN_LOG10_P7));
    }

    private static boolean isPlausible(CortexParameters candidate) {
        Cortex cortex;
        try {
            cortex = new Cortex(candidate);
        } catch (IllegalArgumentException beyondTheStimulator) {
            return false;
        }
        double rmt = cortex.restingMotorThresholdPercent();
        if (rmt < MIN_RMT_PERCENT_MSO || rmt > MAX_RMT_PERCENT_MSO) {
            return false;
        }
        double ifcn = new CortexTruth(cortex).ifcnRestingMotorThresholdPercent();
        return ifcn > 0 && ifcn < rmt;
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated outputs. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double correlated(int row, double[] z) {
        double sum = 0;
        for (int k = 0; k <= row; k++) {
            sum += CHOLESKY_P345[row][k] * z[k];
        }
        return sum;
    }

    /** Goetz's half-span point above the offset, p3^(1/p4), in his %MSO. */
    private static double midpoint(double log10P3, double log10P4) {
        return Math.pow(10, log10P3 / Math.pow(10, log10P4));
    }

    private static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(sum) : sum / l[j][j];
            }
        }
        return l;
    }
}
