package org.excitrack.tracking.tms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class MlPestMethodTest {
    private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);

    /**
     * The maximum-likelihood midpoint computed independently of the method, with Commons Math and a brute-force
     * grid: hits and misses (with the two pseudo-observations) under p(x) = Φ((x − t)/(0.07·t)).
     */
    private static double referenceMidpoint(List<double[]> observations) {
        double best = Double.NEGATIVE_INFINITY;
        double first = Double.NaN;
        double last = Double.NaN;
        for (int i = 1; i <= 1300; i++) {
            double t = i * 0.1;
            double l = 0;
            for (double[] o : observations) {
                double p = STANDARD.cumulativeProbability((o[0] - t) / (0.07 * t));
                l += Math.log(o[1] > 0 ? p : 1 - p);
            }
            if (l > best + 1e-9) {
                best = l;
                first = t;
                last = t;
            } else if (l >= best - 1e-9) {
                last = t;
            }
        }
        return 0.5 * (first + last);
    }

    @Test
    void startsAtTheStartAndPlacesEachStimulusAtTheRoundedMaximumLikelihoodMidpoint() {
        MotorThresholdMethod pest = new MlPestMethod(new MotorThresholdSettings(50, 45, 100, 50));
        assertThat(pest.nextIntensityPercentMso()).isEqualTo(45);
        assertThat(pest.estimate()).isEmpty();
        List<double[]> observations = new ArrayList<>(List.of(new double[] {35, 0}, new double[] {55, 1}));
        double[] meps = {120, 20, 30, 70, 55, 10, 200, 40};
        for (double mep : meps) {
            int x = pest.nextIntensityPercentMso();
            pest.record(x, mep);
            observations.add(new double[] {x, mep >= 50 ? 1 : 0});
            double reference = referenceMidpoint(observations);
            assertThat(pest.estimate().orElseThrow().thresholdPercentMso()).isCloseTo(reference, within(0.051));
            assertThat(pest.nextIntensityPercentMso()).isEqualTo((int) Math.round(reference));
        }
        assertThat(pest.stimuliGiven()).isEqualTo(meps.length);
    }

    @Test
    void convergesOnANoiseFreeThresholdAndStopsAfterTwentyStimuli() {
        MotorThresholdMethod pest = new MlPestMethod(new MotorThresholdSettings(50, 45, 100, 50));
        while (!pest.isFinished()) {
            int x = pest.nextIntensityPercentMso();
            pest.record(x, x >= 52 ? 80 : 20);
        }
        assertThat(pest.stimuliGiven()).isEqualTo(20);
        assertThat(pest.finishReason()).contains(FinishReason.STOP_RULE_MET);
        MotorThresholdEstimate estimate = pest.estimate().orElseThrow();
        assertThat(estimate.thresholdPercentMso()).isBetween(51.0, 52.0);
        assertThat(estimate.lowerPercentMso()).isLessThan(51.0);
        assertThat(estimate.upperPercentMso()).isGreaterThan(52.0);
        assertThat(estimate.standardErrorPercentMso()).isPositive();
    }

    @Test
    void aNarrowIntervalStopsItEarlyWhenAsked() {
        MotorThresholdMethod pest = new MlPestMethod(new MotorThresholdSettings(50, 45, 100, 50),
                MlPestMethod.Settings.standard().withStopWidthPercentMso(6));
        while (!pest.isFinished()) {
            int x = pest.nextIntensityPercentMso();
            pest.record(x, x >= 47 ? 80 : 20);
        }
        assertThat(pest.stimuliGiven()).isLessThan(20);
        MotorThresholdEstimate estimate = pest.estimate().orElseThrow();
        assertThat(estimate.upperPercentMso() - estimate.lowerPercentMso()).isLessThanOrEqualTo(6.0);
    }

    @Test
    void aThresholdBeyondTheMaximumEndsTheHuntInsteadOfExceedingIt() {
        MotorThresholdMethod pest = new MlPestMethod(new MotorThresholdSettings(50, 50, 60, 50));
        List<Integer> given = new ArrayList<>();
        while (!pest.isFinished()) {
            int x = pest.nextIntensityPercentMso();
            given.add(x);
            pest.record(x, 5);
        }
        assertThat(given).allSatisfy(x -> assertThat(x).isLessThanOrEqualTo(60));
        assertThat(pest.finishReason()).contains(FinishReason.THRESHOLD_ABOVE_MAXIMUM);
        assertThat(pest.stimuliGiven()).isLessThan(10);
    }
}
