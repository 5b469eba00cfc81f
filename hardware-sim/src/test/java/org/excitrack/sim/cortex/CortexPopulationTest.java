package org.excitrack.sim.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CortexPopulationTest {
    private static final Set<String> DRAWN = Set.of("recruitmentOffsetPercentMso",
            "recruitmentMidpointAboveOffsetPercentMso", "recruitmentHillExponent", "mepSaturationMillivolts",
            "pathwayJitterSdLog10", "excitabilityJitterSdPercentMso");

    @Test
    void aSubjectIsTheSameForTheSameSeedAndIndexWhateverWasDrawnBefore() {
        CortexPopulation population = new CortexPopulation(CortexParameters.healthy(), 42);
        CortexParameters seventh = population.subjects(8).get(7);
        assertThat(new CortexPopulation(CortexParameters.healthy(), 42).subject(7)).isEqualTo(seventh);
        assertThat(new CortexPopulation(CortexParameters.healthy(), 43).subject(7)).isNotEqualTo(seventh);
    }

    @Test
    void onlyTheRecruitmentCurveAndItsJittersVary() {
        CortexParameters base = CortexParameters.healthy();
        CortexParameters subject = new CortexPopulation(base, 1).subject(3);
        for (String name : CortexParameters.names()) {
            if (!DRAWN.contains(name)) {
                assertThat(subject.value(name)).as(name).isEqualTo(base.value(name));
            }
        }
        assertThat(subject.recruitmentOffsetPercentMso()).isNotEqualTo(base.recruitmentOffsetPercentMso());
        assertThat(CortexParameters.healthy()).as("the preset itself is untouched").isEqualTo(base);
    }

    @Test
    void thresholdsSpreadAsInThePopulationAndStayMeasurable() {
        List<CortexParameters> subjects = new CortexPopulation(CortexParameters.healthy(), 7).subjects(60);
        double[] rmt = subjects.stream().mapToDouble(p -> new Cortex(p).restingMotorThresholdPercent()).toArray();
        double mean = Arrays.stream(rmt).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(rmt).map(r -> (r - mean) * (r - mean)).sum() / (rmt.length - 1));
        // RMT ≈ 47 ± 8 %MSO (APB) is what the healthy preset is scaled to
        assertThat(mean).isBetween(41.0, 51.0);
        assertThat(sd).isBetween(5.0, 11.0);
        for (double r : rmt) {
            assertThat(r).isBetween(CortexPopulation.MIN_RMT_PERCENT_MSO, CortexPopulation.MAX_RMT_PERCENT_MSO);
        }
        double[] jitter = subjects.stream().mapToDouble(CortexParameters::excitabilityJitterSdPercentMso).toArray();
        assertThat(Arrays.stream(jitter).min().orElseThrow()).isLessThan(3.5);
        assertThat(Arrays.stream(jitter).max().orElseThrow()).isGreaterThan(3.5);
    }

    @Test
    void anAlsPopulationKeepsItsPresetsLowerThreshold() {
        double healthy = meanRmt(new CortexPopulation(CortexParameters.healthy(), 9).subjects(30));
        double als = meanRmt(new CortexPopulation(CortexParameters.als(), 9).subjects(30));
        assertThat(als).isLessThan(healthy);
    }

    private static double meanRmt(List<CortexParameters> subjects) {
        return subjects.stream().mapToDouble(p -> new Cortex(p).restingMotorThresholdPercent()).average()
                .orElseThrow();
    }
}
