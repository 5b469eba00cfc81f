package org.excitrack.sim.nerve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.excitrack.analysis.ComputedVariables;
import org.excitrack.sim.nerve.NormalizedTrial.NormalizedPulse;
import org.excitrack.sim.nerve.NormalizedTrial.NormalizedStep;
import org.excitrack.sim.subject.SubjectPreset;
import org.junit.jupiter.api.Test;

class PhenomenologicalAxonTest {
    private final PhenomenologicalAxon healthy = new PhenomenologicalAxon(PhenomenologicalParameters.healthy());

    @Test
    void widthFollowsWeissLawExactly() {
        double sdtc = 0.435;
        for (double w : List.of(0.1, 0.2, 0.5, 1.0, 2.0)) {
            double factor = healthy.thresholdFactor(NormalizedTrial.singlePulse(w, 1), 0, -1);
            assertThat(factor).isCloseTo((1 + sdtc / w) / (1 + sdtc), within(1e-12));
        }
        ComputedVariables v = NormativeTargets.variablesOf(healthy);
        assertThat(v.value(3).getAsDouble()).as("SDTC from the Weiss regression").isCloseTo(sdtc, within(1e-9));
    }

    @Test
    void aPolarizingCurrentAddsItsOwnShareToTheTestPulseAndThenChargesTheInternode() {
        double atOnset = healthy.thresholdFactor(TrondnfConditions.electrotonus(0.4, 10), 0, -1);
        assertThat(100 * (1 - atOnset)).as("at onset only the current's direct share").isCloseTo(40, within(1e-9));
        double s1 = 1.55 * (1 - Math.exp(-10 / 7.0));
        double s2 = -1.50 * (1 - Math.exp(-10 / 26.0));
        double at20 = healthy.thresholdFactor(TrondnfConditions.electrotonus(0.4, 20), 0, -1);
        assertThat(100 * (1 - at20)).isCloseTo(40 * (1 + s1 + s2), within(1e-9));
        double before = healthy.thresholdFactor(TrondnfConditions.electrotonus(0.4, 9), 0, -1);
        assertThat(before).as("nothing before the current starts").isEqualTo(1.0);
    }

    @Test
    void aSettledCurrentFollowsTheCurrentThresholdTable() {
        assertThat(100 * (1 - healthy.thresholdFactor(TrondnfConditions.currentThreshold(-0.5), 0, -1)))
                .isCloseTo(-145, within(1e-9));
        assertThat(100 * (1 - healthy.thresholdFactor(TrondnfConditions.currentThreshold(-0.45), 0, -1)))
                .as("interpolated between -40 % and -50 %").isCloseTo(-125, within(1e-9));
    }

    @Test
    void afterFiringTheAxonIsAbsolutelyThenRelativelyRefractoryThenSuperexcitable() {
        NormalizedTrial tooSoon = new NormalizedTrial(List.of(new NormalizedPulse(0, 1, 3),
                new NormalizedPulse(1.0, 1, 1)), List.of());
        assertThat(healthy.thresholdFactor(tooSoon, 1, 0)).isInfinite();
        assertThat(healthy.thresholdFactor(TrondnfConditions.recoveryCycle(2), 1, 0)).isGreaterThan(1.3);
        assertThat(healthy.thresholdFactor(TrondnfConditions.recoveryCycle(7), 1, 0)).isLessThan(0.8);
        assertThat(healthy.thresholdFactor(TrondnfConditions.recoveryCycle(42), 1, 0)).isGreaterThan(1.1);
        assertThat(healthy.thresholdFactor(TrondnfConditions.recoveryCycle(7), 1, -1))
                .as("a unit that did not fire on the conditioning pulse is not conditioned by it").isEqualTo(1.0);
        assertThat(healthy.recoveryPercent(7)).isCloseTo(100 * (healthy.thresholdFactor(
                TrondnfConditions.recoveryCycle(7), 1, 0) - 1), within(1e-9));
    }

    @Test
    void twoCurrentsAddTheirEffects() {
        NormalizedTrial both = new NormalizedTrial(List.of(new NormalizedPulse(50, 1, 1)),
                List.of(new NormalizedStep(10, 100, 0.2), new NormalizedStep(10, 100, 0.2)));
        double one = 1 - healthy.thresholdFactor(TrondnfConditions.electrotonus(0.2, 50), 0, -1);
        assertThat(1 - healthy.thresholdFactor(both, 0, -1)).isCloseTo(2 * one, within(1e-12));
    }

    @Test
    void healthyTruthLiesWithinOneSdOfTheNormativeMeans() {
        ComputedVariables v = NormativeTargets.variablesOf(healthy);
        NormativeTargets.HEALTHY.forEach((number, target) -> assertThat(v.value(number).getAsDouble())
                .as("variable %d", number).isCloseTo(target.mean(), within(target.sd())));
    }

    @Test
    void presetsMoveInTheLiteraturesDirection() {
        ComputedVariables healthyV = variablesOfPreset("healthy");
        ComputedVariables als = variablesOfPreset("als-early");
        ComputedVariables mexiletine = variablesOfPreset("als-mexiletine");
        assertThat(als.value(3).getAsDouble()).as("ALS SDTC ≥ 15 % longer")
                .isGreaterThanOrEqualTo(1.15 * healthyV.value(3).getAsDouble());
        assertThat(als.value(13).getAsDouble()).as("ALS superexcitability more negative")
                .isLessThan(healthyV.value(13).getAsDouble());
        assertThat(als.value(21).getAsDouble()).as("ALS TEd(90-100) larger")
                .isGreaterThan(healthyV.value(21).getAsDouble());
        assertThat(mexiletine.value(3).getAsDouble()).as("mexiletine shortens the ALS SDTC")
                .isLessThan(als.value(3).getAsDouble());
        assertThat(mexiletine.value(13).getAsDouble()).as("mexiletine reduces ALS superexcitability")
                .isGreaterThan(als.value(13).getAsDouble());
    }

    private static ComputedVariables variablesOfPreset(String name) {
        return NormativeTargets.variablesOf(new PhenomenologicalAxon(SubjectPreset.load(name).phenomenological()));
    }

    @Test
    void describesItself() {
        assertThat(healthy.describe()).contains("phenomenological", "SDTC 0.435 ms");
        assertThat(AxonTruth.curves(healthy, 4, org.excitrack.model.excitability.StimulusResponseCurve.empty(),
                Map.of()).electrotonus()).hasSize(4);
    }
}
