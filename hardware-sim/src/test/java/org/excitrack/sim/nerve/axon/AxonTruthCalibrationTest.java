package org.excitrack.sim.nerve.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.excitrack.analysis.ComputedVariables;
import org.excitrack.analysis.ExcitabilityVariables;
import org.excitrack.model.excitability.DerivedVariable;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.StimulusResponseCurve;
import org.excitrack.sim.nerve.AxonTruth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calibrated healthy axon's TRONDNF truth against the normative means ± SD of trondnf.md §4.2, and the
 * disease presets moving it in the clinical directions. Variables the model cannot bring within one SD are
 * asserted at the bound they do reach, with the shortfall stated in ADR 0007.
 */
class AxonTruthCalibrationTest {
    private static ComputedVariables healthy;
    private static ComputedVariables alsEarly;
    private static double healthySdtc;
    private static double alsSdtc;
    private static double mexiletineSdtc;

    @BeforeAll
    static void truth() {
        AxonParameters h = AxonParameters.healthy();
        healthy = variables(new BiophysicalAxon(h));
        alsEarly = variables(new BiophysicalAxon(AxonPresets.alsEarly(h)));
        healthySdtc = healthy.value(3).orElseThrow();
        alsSdtc = alsEarly.value(3).orElseThrow();
        mexiletineSdtc = AxonCalibration.sdtc(new BiophysicalAxon(AxonPresets.mexiletineOnAlsEarly(h)));
    }

    @Test
    void healthyTruthIsWithinOneSdOfTheNormativeMeans() {
        for (int number : List.of(3, 12, 20, 21, 25, 26, 22, 11, 13, 14, 10, 7, 8)) {
            AxonCalibration.Target t = target(number);
            assertThat(healthy.value(number)).as(t.label()).isPresent();
            assertThat(healthy.value(number).getAsDouble()).as(t.label())
                    .isBetween(t.mean() - t.sd(), t.mean() + t.sd());
        }
    }

    @Test
    void earlyAlsProlongsSdtcDeepensSuperexcitabilityAndFansOutDepolarizingElectrotonus() {
        assertThat(alsSdtc).isGreaterThanOrEqualTo(1.15 * healthySdtc);
        assertThat(alsEarly.value(13).getAsDouble()).isLessThan(healthy.value(13).getAsDouble());
        assertThat(alsEarly.value(21).getAsDouble()).isGreaterThan(healthy.value(21).getAsDouble());
    }

    @Test
    void mexiletineShortensSdtcInEarlyAls() {
        assertThat(mexiletineSdtc).isLessThan(alsSdtc);
    }

    @Test
    void theCalibrationObjectiveFindsNothingWrongWithTheHealthyAxon() {
        AxonCalibration calibration = new AxonCalibration(AxonTruthCalibrationTest::byNumber,
                AxonCalibration.NORMATIVE_TARGETS, line -> { });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            AxonCalibration.Evaluation e = calibration.evaluate(AxonParameters.healthy(), pool);
            assertThat(e.penalty()).as("%s", e.problems()).isZero();
            assertThat(e.fitCost()).isLessThan(NORMATIVE_FIT_COST_CEILING);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Σ z² of the fitted healthy parameters (ADR 0007), with room for rounding of the hard-coded values. */
    private static final double NORMATIVE_FIT_COST_CEILING = 20;

    private static ComputedVariables variables(BiophysicalAxon axon) {
        ExcitabilityRecording r = AxonTruth.curves(axon, 1.0, StimulusResponseCurve.empty(), Map.of());
        return ExcitabilityVariables.compute(r);
    }

    private static Map<Integer, Double> byNumber(ExcitabilityRecording r) {
        Map<Integer, Double> m = new LinkedHashMap<>();
        for (DerivedVariable v : ExcitabilityVariables.compute(r).numbered()) {
            m.put(v.number(), v.value());
        }
        return m;
    }

    private static AxonCalibration.Target target(int number) {
        return AxonCalibration.NORMATIVE_TARGETS.stream().filter(t -> t.variable() == number).findFirst()
                .orElseThrow();
    }
}
