package org.excitrack.tracking.tms;

import java.util.Optional;

/**
 * Excitrack's motor-threshold method ({@link MotorThresholdMethodKind#EXCITRACK}): a Bayesian posterior over the
 * threshold that reads the MEP's amplitude, not only whether it reached the target, placed adaptively and stopped
 * on precision. ADR 0010 explains the choice and what it gains.
 *
 * <p><b>Why the amplitude.</b> Hit-or-miss methods (IFCN, ML-PEST) learn one bit per stimulus. An MEP of 300 µV
 * for a 50 µV target says more than "a hit": it says the cortex was, on that trial, well above threshold. What
 * limits any method is the trial-to-trial excitability jitter (≈ 3.5 %MSO, Goetz): each stimulus reads the
 * threshold plus that jitter, so even a perfectly read amplitude gives at most about 1.6 times the information of
 * a hit or miss at threshold, and less where the MEP is too small to measure. The gain is real but modest; the
 * method also gains from stopping as soon as the posterior is tight rather than after a fixed count.
 *
 * <p><b>Model</b> ({@link MepAmplitudeLikelihood}, {@link ThresholdPosterior}): on each trial the cortex responds as
 * if to the output plus a normal jitter of s %MSO; the MEP is target·10^g with g a concave curve of the relative
 * distance from the threshold t (slope r decades per unit of x/t at the target, curvature k). MEPs below the lower
 * censoring level (noise) and above ten times the target (saturation) count only as "below" or "above". t is where
 * half the MEPs reach the target, the quantity the IFCN rule and ML-PEST estimate too.
 *
 * <p><b>Prior</b> ({@link Prior#handMuscleAtRest}): t normal around resting thresholds of hand muscles (APB
 * 47 ± 8 %MSO at 0.2 mV, a few %MSO lower at 50 µV); r log-normal with median 10 and a wide spread (×/÷ 2.5:
 * Tankisi's ten-fold per 18 % of threshold is r ≈ 5.6 at 0.2 mV, and the Goetz population holds far steeper
 * curves); k log-normal around 5; s log-normal around 3.5 %MSO (Goetz's jitter, ≈ ML-PEST's 0.07·t at t = 50).
 * r, k and s are marginalised out: a subject with an unusual curve widens the threshold's posterior instead of
 * biasing it.
 *
 * <p><b>Placement</b> ({@link ExpectedVariancePlacement}): the first stimulus is the start; each next one is the
 * whole %MSO whose MEP is expected to shrink the threshold's posterior variance most, among outputs from 1 to the
 * maximum intensity and no more than {@code maxStepUpPercentMso} above the highest output given so far (a
 * subject is never jumped from a twitch to a strong pulse).
 *
 * <p><b>Stop</b>: once the posterior SD of t is at most {@code stopSdPercentMso} (standard
 * {@value #STANDARD_STOP_SD_PERCENT_MSO} %MSO) after at least {@code minStimuli}; or when the posterior puts 95 % of
 * its mass above the maximum intensity ({@link FinishReason#THRESHOLD_ABOVE_MAXIMUM}) or below 1 %MSO; or on the
 * budget. The estimate is the posterior mean, its standard error the posterior SD, its interval the 2.5–97.5 %
 * quantiles.
 */
public final class BayesianAmplitudeMethod extends BudgetedMethod {
    /** The posterior mass beyond an end of the stimulator's range that makes the method give up on it. */
    private static final double OUT_OF_RANGE_PROBABILITY = 0.95;
    /** Candidates reach this far outside the threshold's central 99 % (more above: amplitudes there inform). */
    private static final int CANDIDATE_MARGIN_BELOW_PERCENT_MSO = 2;
    private static final int CANDIDATE_MARGIN_ABOVE_PERCENT_MSO = 5;

    /**
     * The population prior.
     *
     * @param thresholdMeanPercentMso mean of the normal prior on t, %MSO
     * @param thresholdSdPercentMso its SD, %MSO
     * @param relativeSlopeMedian median of the log-normal prior on r, decades of MEP per unit of x/t at the target
     * @param relativeSlopeLogSd its SD on the natural-log scale
     * @param curvatureMedian median of the log-normal prior on the curvature k
     * @param curvatureLogSd its SD on the natural-log scale
     * @param spreadMedianPercentMso median of the log-normal prior on the excitability jitter s, %MSO
     * @param spreadLogSd its SD on the natural-log scale
     */
    public record Prior(double thresholdMeanPercentMso, double thresholdSdPercentMso, double relativeSlopeMedian,
                        double relativeSlopeLogSd, double curvatureMedian, double curvatureLogSd,
                        double spreadMedianPercentMso, double spreadLogSd) {
        public Prior {
            if (!(thresholdMeanPercentMso > 0 && thresholdSdPercentMso > 0 && relativeSlopeMedian > 0
                    && relativeSlopeLogSd > 0 && curvatureMedian > 0 && curvatureLogSd > 0
                    && spreadMedianPercentMso > 0 && spreadLogSd > 0)) {
                throw new IllegalArgumentException("every prior parameter must be positive: " + this);
            }
        }

        /**
         * Hand muscles at rest, for a target MEP of {@code targetMicrovolts}: see the class comment. The
         * threshold's mean is 46 %MSO at 0.2 mV and 1.75 %MSO lower per halving of the target (42.5 %MSO at
         * 50 µV), its SD 9 %MSO.
         */
        public static Prior handMuscleAtRest(double targetMicrovolts) {
            double mean = 46 - 1.75 * Math.log(200 / targetMicrovolts) / Math.log(2);
            return new Prior(mean, 9, 10, Math.log(2.5), 5, Math.log(1.6), 3.5, Math.log(1.35));
        }
    }

    /**
     * Tuning.
     *
     * @param prior the population prior
     * @param stopSdPercentMso stop once the threshold's posterior SD is at most this, %MSO; 0 never
     * @param minStimuli never stop on precision before this many stimuli
     * @param maxStepUpPercentMso the next output is at most this far above the highest given so far, %MSO
     * @param lowerCensorFactor MEPs below target × this count only as "below"
     * @param upperCensorFactor MEPs above target × this count only as "above"
     * @param lapseRate weight of a model-free outcome in each MEP's likelihood
     */
    public record Settings(Prior prior, double stopSdPercentMso, int minStimuli, int maxStepUpPercentMso,
                           double lowerCensorFactor, double upperCensorFactor, double lapseRate) {
        public Settings {
            if (prior == null || !(stopSdPercentMso >= 0) || minStimuli < 1 || maxStepUpPercentMso < 1) {
                throw new IllegalArgumentException("invalid settings " + this);
            }
            likelihoodOf(lowerCensorFactor, upperCensorFactor, lapseRate); // same checks
        }

        /**
         * The hand-muscle prior for the target; stop at SD {@value #STANDARD_STOP_SD_PERCENT_MSO} %MSO after at
         * least 3 stimuli; steps up of at most 10 %MSO; MEPs read as amplitudes between the lower censoring level
         * and ten times the target; a lapse rate of 2 %. The lower level is a quarter of the target, but never
         * under {@value #NOISE_FLOOR_MICROVOLTS} µV: a resting background of a few µV rms already measures ≈ 20 µV
         * peak-to-peak, and a small MEP riding on it reads larger than it is (for a 50 µV target the level is
         * 30 µV).
         */
        public static Settings standard(double targetMicrovolts) {
            double lower = Math.min(MAX_LOWER_CENSOR_FACTOR, Math.max(0.25, NOISE_FLOOR_MICROVOLTS / targetMicrovolts));
            return new Settings(Prior.handMuscleAtRest(targetMicrovolts), STANDARD_STOP_SD_PERCENT_MSO, 3, 10, lower,
                    10, 0.02);
        }

        public Settings withStopSdPercentMso(double value) {
            return new Settings(prior, value, minStimuli, maxStepUpPercentMso, lowerCensorFactor, upperCensorFactor,
                    lapseRate);
        }

        public Settings withPrior(Prior value) {
            return new Settings(value, stopSdPercentMso, minStimuli, maxStepUpPercentMso, lowerCensorFactor,
                    upperCensorFactor, lapseRate);
        }

        public Settings withCensoring(double lowerFactor, double upperFactor) {
            return new Settings(prior, stopSdPercentMso, minStimuli, maxStepUpPercentMso, lowerFactor, upperFactor,
                    lapseRate);
        }

        public Settings withMinStimuli(int value) {
            return new Settings(prior, stopSdPercentMso, value, maxStepUpPercentMso, lowerCensorFactor,
                    upperCensorFactor, lapseRate);
        }

        MepAmplitudeLikelihood likelihood() {
            return likelihoodOf(lowerCensorFactor, upperCensorFactor, lapseRate);
        }

        private static MepAmplitudeLikelihood likelihoodOf(double lower, double upper, double lapse) {
            return new MepAmplitudeLikelihood(lower, upper, lapse);
        }
    }

    /** The standard precision to stop at, %MSO: the 95 % interval is then about ±2.4 %MSO. */
    public static final double STANDARD_STOP_SD_PERCENT_MSO = 1.2;
    /** Measured MEPs below this are not read as amplitudes by the standard settings, µV. */
    public static final double NOISE_FLOOR_MICROVOLTS = 30;
    /** Below a target this small nearly everything is noise: still read MEPs from 0.8 × target up. */
    private static final double MAX_LOWER_CENSOR_FACTOR = 0.8;

    private final Settings tuning;
    private final ThresholdPosterior posterior;
    private int next;
    private int highestGiven;
    private MotorThresholdEstimate estimate;

    public BayesianAmplitudeMethod(MotorThresholdSettings settings) {
        this(settings, Settings.standard(settings.targetMicrovolts()));
    }

    public BayesianAmplitudeMethod(MotorThresholdSettings settings, Settings tuning) {
        super(settings);
        this.tuning = tuning;
        this.posterior = new ThresholdPosterior(tuning.prior(), tuning.likelihood(), settings.maxIntensityPercentMso());
        this.next = settings.startPercentMso();
    }

    @Override
    public MotorThresholdMethodKind kind() {
        return MotorThresholdMethodKind.EXCITRACK;
    }

    @Override
    protected int next() {
        return next;
    }

    @Override
    protected void update(int intensityPercentMso, double mepMicrovolts) {
        posterior.add(intensityPercentMso, mepMicrovolts, settings.targetMicrovolts());
        highestGiven = Math.max(highestGiven, intensityPercentMso);
        double[] weights = posterior.weights();
        MarginalSummary t = MarginalSummary.of(posterior.thresholds(), posterior.thresholdMarginal(weights));
        estimate = new MotorThresholdEstimate(t.mean(), t.sd(), t.quantile(0.025), t.quantile(0.975), stimuliGiven());
        int max = settings.maxIntensityPercentMso();
        if (t.massAbove(max) >= OUT_OF_RANGE_PROBABILITY) {
            finish(FinishReason.THRESHOLD_ABOVE_MAXIMUM);
        } else if (t.massBelow(1) >= OUT_OF_RANGE_PROBABILITY) {
            finish(FinishReason.THRESHOLD_AT_MINIMUM);
        } else if (stimuliGiven() >= tuning.minStimuli() && t.sd() <= tuning.stopSdPercentMso()) {
            finish(FinishReason.STOP_RULE_MET);
        }
        if (!isFinished()) {
            int ceiling = Math.min(max, highestGiven + tuning.maxStepUpPercentMso());
            int highest = Math.min(ceiling, (int) Math.ceil(t.quantile(0.995)) + CANDIDATE_MARGIN_ABOVE_PERCENT_MSO);
            int lowest = Math.max(1, (int) Math.floor(t.quantile(0.005)) - CANDIDATE_MARGIN_BELOW_PERCENT_MSO);
            // a posterior entirely above what may be given leaves one candidate: the highest allowed output
            lowest = Math.min(lowest, ceiling);
            highest = Math.max(highest, lowest);
            next = ExpectedVariancePlacement.choose(posterior, weights, lowest, highest);
        }
    }

    @Override
    public Optional<MotorThresholdEstimate> estimate() {
        return Optional.ofNullable(estimate);
    }
}
