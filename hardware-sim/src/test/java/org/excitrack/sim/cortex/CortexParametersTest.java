package org.excitrack.sim.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CortexParametersTest {

    @Test
    void everyParameterCanBeReadAndSetByName() {
        CortexParameters healthy = CortexParameters.healthy();
        assertThat(CortexParameters.names()).doesNotHaveDuplicates().containsExactlyElementsOf(healthy.asMap().keySet());
        for (String name : CortexParameters.names()) {
            double changed = healthy.value(name) * 1.1;
            CortexParameters modified = healthy.with(name, changed);
            assertThat(modified.value(name)).as(name).isEqualTo(changed);
            assertThat(modified.asMap()).as(name).hasSameSizeAs(healthy.asMap());
        }
        assertThat(healthy.with("mepSaturationMillivolts", 5.0).mepSaturationMillivolts()).isEqualTo(5.0);
        assertThat(healthy.scaled("siciLateDepthPercentRmt", 0.5).siciLateDepthPercentRmt())
                .isEqualTo(healthy.siciLateDepthPercentRmt() / 2);
    }

    @Test
    void anUnknownNameIsRejectedWithTheValidOnes() {
        assertThatThrownBy(() -> CortexParameters.healthy().with("siciDepth", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("siciDepth")
                .hasMessageContaining("siciLateDepthPercentRmt")
                .hasMessageContaining("mepSaturationMillivolts");
        assertThatThrownBy(() -> CortexParameters.healthy().value("rmt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("valid names");
    }

    @Test
    void aNegativeValueIsRejectedUnderItsOwnName() {
        for (String name : CortexParameters.names()) {
            assertThatThrownBy(() -> CortexParameters.healthy().with(name, -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(name + " ");
        }
        assertThatThrownBy(() -> CortexParameters.healthy().with("siciCsTuningWidthPercentRmt", 0))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> CortexParameters.healthy().with("pathwayJitterSdLog10", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPresetMapMustNameEveryParameter() {
        Map<String, Double> values = new LinkedHashMap<>(CortexParameters.healthy().asMap());
        assertThat(CortexParameters.of(values)).isEqualTo(CortexParameters.healthy());
        values.remove("saiIsiMillis");
        assertThatThrownBy(() -> CortexParameters.of(values)).hasMessageContaining("saiIsiMillis");
    }

    @Test
    void theAlsPresetWeakensSiciAndRaisesTheMaximalMep() {
        CortexParameters healthy = CortexParameters.healthy();
        CortexParameters als = CortexParameters.als();
        assertThat(als.siciLateDepthPercentRmt()).isLessThan(healthy.siciLateDepthPercentRmt() / 2);
        assertThat(als.mepSaturationMillivolts()).isGreaterThan(healthy.mepSaturationMillivolts());
        assertThat(als.icfDepthPercentRmt()).isGreaterThanOrEqualTo(healthy.icfDepthPercentRmt());
    }
}
