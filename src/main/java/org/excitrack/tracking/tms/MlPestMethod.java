package org.excitrack.tracking.tms;

import java.util.Optional;

/**
 * Maximum-likelihood threshold hunting, ML-PEST (Awiszus 2003; MTAT 2.0; tms.md §3.2.3).
 *
 * <p>Model: the probability that an MEP reaches the target at output x is a cumulative Gaussian whose spread is
 * fixed relative to the threshold, p(x) = Φ((x − t)/(0.07·t)). Only hit or miss is used, not the amplitude.
 * The log-likelihood L(t) = Σ_hits ln p(xᵢ) + Σ_misses ln(1 − p(xᵢ)) is kept on a grid of candidate thresholds
 * (0.1 %MSO steps, from 0.1 %MSO to 30 %MSO beyond the maximum intensity, so a threshold above the maximum can
 * show itself).
 *
 * <p>Start: two pseudo-observations, a miss {@value #PSEUDO_OFFSET_PERCENT_MSO} %MSO below and a hit
 * {@value #PSEUDO_OFFSET_PERCENT_MSO} %MSO above the start (as BEST's implementation), which make the first
 * stimulus the start and keep the likelihood bounded until real hits and misses bracket the threshold. They are
 * never counted as stimuli.
 *
 * <p>Next stimulus: the midpoint of the set of grid thresholds that maximise L (the set is an interval when the
 * likelihood is flat at its top), rounded to 1 %MSO. If that lies above the maximum intensity (below 1 %MSO), the
 * method finishes with {@link FinishReason#THRESHOLD_ABOVE_MAXIMUM} ({@link FinishReason#THRESHOLD_AT_MINIMUM}).
 *
 * <p>Stop: after a fixed number of stimuli (default 20, MTAT's usual count), or, if asked, once the 95 %
 * likelihood-ratio interval {t : L(t) ≥ max L − 1.92} is narrower than a width. The estimate is the unrounded
 * midpoint of the maximum-likelihood set; its standard error is that interval's width ÷ 3.92.
 */
public final class MlPestMethod extends BudgetedMethod {
    /** Offset of the two pseudo-observations from the start, %MSO. */
    public static final int PSEUDO_OFFSET_PERCENT_MSO = 10;
    /** χ²(1) 95 % quantile ÷ 2: the likelihood-ratio interval's depth. */
    private static final double HALF_CHI_SQUARE_95 = 1.920729;
    private static final double GRID_STEP_PERCENT_MSO = 0.1;
    private static final double GRID_BEYOND_MAXIMUM_PERCENT_MSO = 30;
    /** Grid points within this of the maximum log-likelihood count as maximising it (rounding, flat tops). */
    private static final double MAXIMUM_TOLERANCE = 1e-9;

    /**
     * @param relativeSpread spread of the cumulative Gaussian as a fraction of the threshold (0.07)
     * @param stimuli stop after this many stimuli (20)
     * @param stopWidthPercentMso also stop once the 95 % interval is at most this wide, %MSO; NaN never
     */
    public record Settings(double relativeSpread, int stimuli, double stopWidthPercentMso) {
        public Settings {
            if (!(relativeSpread > 0) || stimuli < 1 || stopWidthPercentMso <= 0) {
                throw new IllegalArgumentException("invalid ML-PEST settings " + this);
            }
        }

        /** Spread 0.07·t, 20 stimuli, no interval rule. */
        public static Settings standard() {
            return new Settings(0.07, 20, Double.NaN);
        }

        public Settings withStimuli(int value) {
            return new Settings(relativeSpread, value, stopWidthPercentMso);
        }

        public Settings withStopWidthPercentMso(double value) {
            return new Settings(relativeSpread, stimuli, value);
        }
    }

    private final Settings rule;
    private final double[] thresholds;
    private final double[] logLikelihood;
    private int next;

    public MlPestMethod(MotorThresholdSettings settings) {
        this(settings, Settings.standard());
    }

    public MlPestMethod(MotorThresholdSettings settings, Settings rule) {
        super(settings);
        this.rule = rule;
        int n = (int) Math.round((settings.maxIntensityPercentMso() + GRID_BEYOND_MAXIMUM_PERCENT_MSO)
                / GRID_STEP_PERCENT_MSO);
        thresholds = new double[n];
        for (int i = 0; i < n; i++) {
            thresholds[i] = (i + 1) * GRID_STEP_PERCENT_MSO;
        }
        logLikelihood = new double[n];
        int start = settings.startPercentMso();
        add(start - PSEUDO_OFFSET_PERCENT_MSO, false);
        add(start + PSEUDO_OFFSET_PERCENT_MSO, true);
        next = (int) Math.round(maximumLikelihoodMidpoint());
    }

    @Override
    public MotorThresholdMethodKind kind() {
        return MotorThresholdMethodKind.ML_PEST;
    }

    @Override
    protected int next() {
        return next;
    }

    @Override
    protected void update(int intensityPercentMso, double mepMicrovolts) {
        add(intensityPercentMso, isHit(mepMicrovolts));
        next = (int) Math.round(maximumLikelihoodMidpoint());
        if (stimuliGiven() >= rule.stimuli() || intervalWidth() <= rule.stopWidthPercentMso()) {
            finish(FinishReason.STOP_RULE_MET);
        } else if (next > settings.maxIntensityPercentMso()) {
            finish(FinishReason.THRESHOLD_ABOVE_MAXIMUM);
        } else if (next < 1) {
            finish(FinishReason.THRESHOLD_AT_MINIMUM);
        }
    }

    @Override
    public Optional<MotorThresholdEstimate> estimate() {
        if (stimuliGiven() == 0) {
            return Optional.empty();
        }
        double[] interval = interval();
        return Optional.of(new MotorThresholdEstimate(maximumLikelihoodMidpoint(),
                (interval[1] - interval[0]) / (2 * 1.959964), interval[0], interval[1], stimuliGiven()));
    }

    private void add(double intensityPercentMso, boolean hit) {
        for (int i = 0; i < thresholds.length; i++) {
            double z = (intensityPercentMso - thresholds[i]) / (rule.relativeSpread() * thresholds[i]);
            logLikelihood[i] += hit ? Gaussian.logCdf(z) : Gaussian.logCdf(-z);
        }
    }

    private double maximumLikelihoodMidpoint() {
        double max = max();
        int first = -1;
        int last = -1;
        for (int i = 0; i < thresholds.length; i++) {
            if (logLikelihood[i] >= max - MAXIMUM_TOLERANCE) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return 0.5 * (thresholds[first] + thresholds[last]);
    }

    private double[] interval() {
        double floor = max() - HALF_CHI_SQUARE_95;
        int first = -1;
        int last = -1;
        for (int i = 0; i < thresholds.length; i++) {
            if (logLikelihood[i] >= floor) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return new double[] {thresholds[first], thresholds[last]};
    }

    private double intervalWidth() {
        double[] interval = interval();
        return interval[1] - interval[0];
    }

    private double max() {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logLikelihood) {
            max = Math.max(max, l);
        }
        return max;
    }
}
