package org.excitrack.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class PriorSlopeThresholdEstimatorTest {
    private static final double TARGET = 3_200;
    private static final double MAX = 8_000;          // target = 40 % of the maximum
    private static final double BAND = 1.6;

    private static StimulusResponsePoint p(long nanoamps, double microvolts) {
        return new StimulusResponsePoint(nanoamps, microvolts);
    }

    /** Noiseless log-logistic: R = MAX ÷ (1 + 1.5·(threshold ÷ I)^h), so R(threshold) = 40 % of MAX. */
    private static double logLogistic(double nanoamps, double threshold, double steepness) {
        return MAX / (1 + 1.5 * Math.pow(threshold / nanoamps, steepness));
    }

    private static List<StimulusResponsePoint> logLogisticPoints(double threshold, double steepness,
                                                                 double... logOffsets) {
        List<StimulusResponsePoint> points = new ArrayList<>();
        for (double d : logOffsets) {
            long i = Math.round(threshold * Math.exp(d));
            points.add(p(i, logLogistic(i, threshold, steepness)));
        }
        return points;
    }

    // --- without a prior: the plain regression, bit for bit ---

    @Property(tries = 200, seed = "2718")
    void withoutAPriorItIsExactlyThePlainRegression(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                    @ForAll @IntRange(min = 0, max = 12) int n) {
        Random random = new Random(seed);
        List<StimulusResponsePoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(p(3_000_000 + random.nextInt(2_000_000), TARGET * Math.exp(0.6 * random.nextGaussian())));
        }

        assertThat(new PriorSlopeThresholdEstimator(TARGET, BAND, CurvePrior.NONE).estimate(points))
                .isEqualTo(new LogLogThresholdEstimator(TARGET, BAND).estimate(points));
    }

    @Example
    void aCeilingAloneDoesNotChangeTheRegression() {
        List<StimulusResponsePoint> points = logLogisticPoints(4_000_000, 14, -0.03, 0, 0.02, 0.04);

        assertThat(new PriorSlopeThresholdEstimator(TARGET, BAND, CurvePrior.ceilingOnly(MAX)).estimate(points))
                .isEqualTo(new LogLogThresholdEstimator(TARGET, BAND).estimate(points));
    }

    // --- with a slope prior, log scale (no ceiling) ---

    @Example
    void onePointPlacesTheThresholdAlongThePriorSlope() {
        CurvePrior prior = new CurvePrior(8, 0.2, 0.15, 2, 0);
        // response e^0.4 above target at 4.2 mA: threshold 4.2 mA × e^(−0.4 / 8)
        ThresholdEstimate e = new PriorSlopeThresholdEstimator(TARGET, BAND, prior)
                .estimate(List.of(p(4_200_000, TARGET * Math.exp(0.4)))).orElseThrow();

        assertThat(e.thresholdNanoamps()).isCloseTo(4_200_000 * Math.exp(-0.05), within(1e-3));
        assertThat(e.pointsUsed()).isEqualTo(1);
        assertThat(e.logLogSlope()).isEqualTo(8.0);
        // the only scatter known is the prior's, σ = 0.15; the threshold lies 0.05 from the point, so the slope's
        // own uncertainty (prior weight λ = σ² ÷ (0.2 × 8)²) adds: SE = σ ÷ 8 × √(1 + 0.05² ÷ λ)
        double lambda = 0.15 * 0.15 / (1.6 * 1.6);
        assertThat(e.relativeStandardError()).isCloseTo(0.15 / 8 * Math.sqrt(1 + 0.0025 / lambda), within(1e-12));
    }

    @Example
    void aConfidentPriorOverridesTheSlopeOfAFewClusteredPoints() {
        // three points that happen to lie on a very shallow line (the trap of a free fit), true slope 8
        List<StimulusResponsePoint> points = List.of(p(3_900_000, 2_900), p(4_000_000, 2_950), p(4_100_000, 2_980));

        ThresholdEstimate free = new LogLogThresholdEstimator(TARGET, BAND).estimate(points).orElseThrow();
        ThresholdEstimate withPrior = new PriorSlopeThresholdEstimator(TARGET, BAND,
                new CurvePrior(8, 0.1, 0.15, 4, 0)).estimate(points).orElseThrow();

        assertThat(free.thresholdNanoamps()).isGreaterThan(4_500_000);
        assertThat(withPrior.logLogSlope()).isCloseTo(8, within(0.5));
        assertThat(withPrior.thresholdNanoamps()).isCloseTo(4_000_000 * Math.exp(Math.log(TARGET / 2_943) / 8),
                within(20_000.0));
    }

    @Example
    void wellSpreadDataOverrideAVaguePrior() {
        List<StimulusResponsePoint> points = new ArrayList<>();
        for (double d = -0.05; d <= 0.0501; d += 0.01) {
            long i = Math.round(4_000_000 * Math.exp(d));
            points.add(p(i, TARGET * Math.pow(i / 4_000_000.0, 5)));
        }

        ThresholdEstimate e = new PriorSlopeThresholdEstimator(TARGET, BAND, new CurvePrior(10, 0.5, 0.15, 2, 0))
                .estimate(points).orElseThrow();

        // Σd² = 0.011 against the prior's λ = 0.15² ÷ (0.5 × 10)² = 0.0009: the data carry 92 % of the slope
        assertThat(e.logLogSlope()).isCloseTo((5 * 0.011 + 10 * 0.0009) / (0.011 + 0.0009), within(0.01));
        assertThat(e.thresholdNanoamps()).isCloseTo(4_000_000, within(100.0));
    }

    // --- with the ceiling: the logit scale ---

    @Example
    void onTheLogitScaleALogLogisticCurveIsStraightSoSpreadPointsGiveTheExactThreshold() {
        double steepness = 14;
        List<StimulusResponsePoint> points = logLogisticPoints(4_000_000, steepness, -0.06, -0.03, 0.03, 0.06);
        // an all but uninformative slope prior (6 ± 500 %): the data decide
        CurvePrior withCeiling = new CurvePrior(6, 5, 0.15, 2, MAX);
        CurvePrior withoutCeiling = new CurvePrior(6, 5, 0.15, 2, 0);

        ThresholdEstimate logit = new PriorSlopeThresholdEstimator(TARGET, BAND, withCeiling).estimate(points)
                .orElseThrow();
        ThresholdEstimate log = new PriorSlopeThresholdEstimator(TARGET, BAND, withoutCeiling).estimate(points)
                .orElseThrow();

        assertThat(logit.thresholdNanoamps()).isCloseTo(4_000_000, within(1.0));
        // reported as the log-log slope at the target: h·(1 − f)
        assertThat(logit.logLogSlope()).isCloseTo(steepness * 0.6, within(0.02));
        // noiseless points, so the standard error is the prior scatter's (0.15 on 2 df) shared over 4 points
        assertThat(logit.relativeStandardError()).isBetween(0.001, 0.01);
        // ln(response) bends over towards the ceiling: the same points put a line's crossing visibly off
        assertThat(Math.abs(log.thresholdNanoamps() / 4_000_000 - 1)).isGreaterThan(0.002);
    }

    @Example
    void theLogitBandReachesFurtherAboveTheTargetThanTheLogBand() {
        CurvePrior prior = new CurvePrior(8, 0.2, 0.15, 2, MAX);
        PriorSlopeThresholdEstimator logit = new PriorSlopeThresholdEstimator(TARGET, BAND, prior);
        PriorSlopeThresholdEstimator log = new PriorSlopeThresholdEstimator(TARGET, BAND, new CurvePrior(8, 0.2,
                0.15, 2, 0));

        // logit(0.40) = −0.405; ±1.1 admits 18.2 %…66.7 % of the maximum
        assertThat(logit.isNearTarget(p(4_000_000, 0.66 * MAX))).isTrue();
        assertThat(logit.isNearTarget(p(4_000_000, 0.67 * MAX))).isFalse();
        assertThat(logit.isNearTarget(p(4_000_000, 0.19 * MAX))).isTrue();
        assertThat(logit.isNearTarget(p(4_000_000, 0.18 * MAX))).isFalse();
        assertThat(logit.isNearTarget(p(4_000_000, MAX))).as("at the ceiling the logit is infinite").isFalse();
        assertThat(log.isNearTarget(p(4_000_000, 0.66 * MAX))).isFalse();
        assertThat(log.isNearTarget(p(4_000_000, TARGET * 1.6))).isTrue();
        assertThat(logit.isNearTarget(p(0, TARGET))).isFalse();
        assertThat(logit.isNearTarget(p(4_000_000, 0))).isFalse();
    }

    @Example
    void emptyWithoutANearTargetPoint() {
        PriorSlopeThresholdEstimator e = new PriorSlopeThresholdEstimator(TARGET, BAND, CurvePrior.typicalNerve(MAX));

        assertThat(e.estimate(List.of())).isEmpty();
        assertThat(e.estimate(List.of(p(1_000_000, 10), p(9_000_000, 7_990)))).isEmpty();
    }

    // --- what is carried to the next condition ---

    @Example
    void thePosteriorCarriesTheFittedSlopeTheCeilingAndBoundedConfidence() {
        List<StimulusResponsePoint> points = new ArrayList<>();
        Random random = new Random(9);
        for (int k = 0; k < 200; k++) {
            // spread like a tracker's points: wide spreads lose their extremes to the band and flatten the slope
            long i = Math.round(4_000_000 * Math.exp(0.02 * random.nextGaussian()));
            points.add(p(i, logLogistic(i, 4_000_000 * Math.exp(0.015 * random.nextGaussian()), 14)));
        }

        PriorSlopeThresholdEstimator.Fit fit = new PriorSlopeThresholdEstimator(TARGET, BAND,
                CurvePrior.typicalNerve(MAX)).fit(points).orElseThrow();
        CurvePrior next = fit.posterior();

        assertThat(next.logLogSlope()).isEqualTo(fit.estimate().logLogSlope());
        assertThat(next.logLogSlope()).isCloseTo(14 * 0.6, within(1.0));
        assertThat(next.slopeRelativeSd()).as("never trusted beyond the floor").isEqualTo(0.10);
        assertThat(next.residualDegreesOfFreedom()).as("capped so new data can overrule it").isEqualTo(4.0);
        assertThat(next.residualSd()).isCloseTo(0.015 * 14 * 0.6, within(0.04));
        assertThat(next.maximalResponseMicrovolts()).isEqualTo(MAX);
    }

    @Example
    void curvePriorPreconditionsNameTheValues() {
        assertThatThrownBy(() -> new CurvePrior(0, 0.2, 0.15, 2, 0))
                .hasMessage("invalid curve prior: slope 0.0 ± 0.2 (relative), residual SD 0.15 on 2.0 df, maximal "
                        + "response 0.0 µV");
        assertThatThrownBy(() -> new CurvePrior(8, 0.2, 0, 2, 0))
                .hasMessage("a slope prior needs a residual SD above zero to weigh it by");
        assertThatThrownBy(() -> new CurvePrior(8, 0.2, 0.15, 2, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CurvePrior.NONE.isNone()).isTrue();
        assertThat(CurvePrior.NONE.knowsMaximalResponse()).isFalse();
        assertThat(CurvePrior.typicalNerve(MAX).knowsMaximalResponse()).isTrue();
        assertThat(CurvePrior.ceilingOnly(MAX).isNone()).isTrue();
    }
}
