package org.excitrack.tracking.tms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class BayesianAmplitudeMethodTest {

    /** MEPs of a cortex with threshold t: 50 µV at t, ten-fold per 12 % of t, with the Goetz-like input jitter. */
    private static IntToDoubleFunction cortex(double t, Random random) {
        return x -> {
            double latent = x + 3.5 * random.nextGaussian() - t;
            return 50 * Math.pow(10, latent / (0.12 * t));
        };
    }

    private static List<Integer> run(MotorThresholdMethod method, IntToDoubleFunction meps) {
        List<Integer> given = new ArrayList<>();
        while (!method.isFinished()) {
            int x = method.nextIntensityPercentMso();
            given.add(x);
            method.record(x, meps.applyAsDouble(x));
        }
        return given;
    }

    @Test
    void findsTheThresholdAndStopsOnPrecision() {
        MotorThresholdSettings settings = new MotorThresholdSettings(50, 45, 100, 40);
        MotorThresholdMethod method = new BayesianAmplitudeMethod(settings);
        run(method, cortex(38.6, new Random(1)));
        assertThat(method.finishReason()).contains(FinishReason.STOP_RULE_MET);
        MotorThresholdEstimate estimate = method.estimate().orElseThrow();
        assertThat(estimate.standardErrorPercentMso())
                .isLessThanOrEqualTo(BayesianAmplitudeMethod.STANDARD_STOP_SD_PERCENT_MSO);
        assertThat(estimate.thresholdPercentMso()).isBetween(36.0, 41.2);
        assertThat(estimate.lowerPercentMso()).isLessThan(estimate.thresholdPercentMso());
        assertThat(estimate.upperPercentMso()).isGreaterThan(estimate.thresholdPercentMso());
        assertThat(method.stimuliGiven()).isLessThan(30);
    }

    @Test
    void theSameMepsGiveTheSameStimuliAndEstimate() {
        MotorThresholdSettings settings = new MotorThresholdSettings(200, 50, 100, 25);
        MotorThresholdMethod a = new BayesianAmplitudeMethod(settings);
        MotorThresholdMethod b = new BayesianAmplitudeMethod(settings);
        assertThat(run(a, cortex(55, new Random(3)))).isEqualTo(run(b, cortex(55, new Random(3))));
        assertThat(a.estimate()).isEqualTo(b.estimate());
    }

    @Test
    void stimuliStayWholeWithinRangeAndClimbAtMostTenAtATime() {
        MotorThresholdSettings settings = new MotorThresholdSettings(50, 20, 100, 30);
        MotorThresholdMethod method = new BayesianAmplitudeMethod(settings);
        List<Integer> given = run(method, cortex(62, new Random(4)));
        int highest = 0;
        for (int x : given) {
            assertThat(x).isBetween(1, 100);
            if (highest > 0) {
                assertThat(x).isLessThanOrEqualTo(highest + 10);
            }
            highest = Math.max(highest, x);
        }
        assertThat(given.get(0)).isEqualTo(20);
        assertThat(method.estimate().orElseThrow().thresholdPercentMso()).isBetween(57.0, 67.0);
    }

    @Test
    void aThresholdBeyondTheMaximumFinishesWithThatReason() {
        MotorThresholdSettings settings = new MotorThresholdSettings(50, 50, 60, 40);
        MotorThresholdMethod method = new BayesianAmplitudeMethod(settings);
        List<Integer> given = run(method, x -> 3);
        assertThat(given).allSatisfy(x -> assertThat(x).isLessThanOrEqualTo(60));
        assertThat(method.finishReason()).contains(FinishReason.THRESHOLD_ABOVE_MAXIMUM);
        assertThat(method.stimuliGiven()).isLessThan(15);
        assertThat(method.estimate().orElseThrow().upperPercentMso()).isGreaterThan(60);
    }

    @Test
    void oneWildMepDoesNotDecideTheThreshold() {
        MotorThresholdSettings settings = new MotorThresholdSettings(50, 45, 100, 40);
        MotorThresholdMethod clean = new BayesianAmplitudeMethod(settings,
                BayesianAmplitudeMethod.Settings.standard(50).withStopSdPercentMso(0));
        MotorThresholdMethod twitched = new BayesianAmplitudeMethod(settings,
                BayesianAmplitudeMethod.Settings.standard(50).withStopSdPercentMso(0));
        Random a = new Random(5);
        Random b = new Random(5);
        IntToDoubleFunction meps = cortex(45, a);
        IntToDoubleFunction same = cortex(45, b);
        for (int i = 0; i < 20; i++) {
            int x = clean.nextIntensityPercentMso();
            clean.record(x, meps.applyAsDouble(x));
            int y = twitched.nextIntensityPercentMso();
            double mep = same.applyAsDouble(y); // drawn in any case, so both runs use the same jitters
            // a 2 mV twitch on the fifth trial, whatever the output
            twitched.record(y, i == 4 ? 2_000 : mep);
        }
        assertThat(Math.abs(twitched.estimate().orElseThrow().thresholdPercentMso()
                - clean.estimate().orElseThrow().thresholdPercentMso())).isLessThan(2.0);
    }

    @Test
    void refusesOutputsOutsideItsRangeAndNegativeMeps() {
        MotorThresholdMethod method = new BayesianAmplitudeMethod(new MotorThresholdSettings(50, 45, 80, 40));
        assertThatThrownBy(() -> method.record(81, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("81 %MSO");
        assertThatThrownBy(() -> method.record(45, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MotorThresholdSettings(50, 90, 80, 40))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKindsHaveTheirCommandLineIds() {
        for (MotorThresholdMethodKind kind : MotorThresholdMethodKind.values()) {
            assertThat(MotorThresholdMethodKind.fromId(kind.id())).isEqualTo(kind);
            assertThat(kind.create(MotorThresholdSettings.ifcn(50)).kind()).isEqualTo(kind);
        }
        assertThat(MotorThresholdMethodKind.EXCITRACK.id()).isEqualTo("excitrack");
        assertThat(MotorThresholdMethodKind.ML_PEST.id()).isEqualTo("ml-pest");
        assertThatThrownBy(() -> MotorThresholdMethodKind.fromId("pest")).hasMessageContaining("ifcn, ml-pest");
    }
}
