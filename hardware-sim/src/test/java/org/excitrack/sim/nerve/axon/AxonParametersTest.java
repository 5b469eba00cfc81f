package org.excitrack.sim.nerve.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Preset files set and scale parameters by name. */
class AxonParametersTest {
    @Test
    void everyParameterCanBeReadAndSetByName() {
        AxonParameters p = AxonParameters.healthy();
        for (String name : AxonParameters.names()) {
            double v = p.value(name);
            AxonParameters changed = p.with(name, v + 0.001);
            assertThat(changed.value(name)).as(name).isEqualTo(v + 0.001);
            assertThat(changed.with(name, v)).isEqualTo(p);
        }
        assertThat(AxonParameters.names()).contains("persistentNaFraction", "nodalSlowK_nS", "temperature_C");
    }

    @Test
    void scalingMultiplies() {
        AxonParameters p = AxonParameters.healthy();
        assertThat(p.scaled("nodalSlowK_nS", 0.85).nodalSlowK_nS()).isEqualTo(p.nodalSlowK_nS() * 0.85);
    }

    @Test
    void anUnknownNameIsRejectedWithTheValidNames() {
        assertThatThrownBy(() -> AxonParameters.healthy().with("gNaP", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gNaP")
                .hasMessageContaining("persistentNaFraction");
    }

    @Test
    void impossibleValuesAreRejected() {
        assertThatThrownBy(() -> AxonParameters.healthy().with("persistentNaFraction", 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AxonParameters.healthy().with("hcn_nS", -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AxonParameters.healthy().with("internodeCapacitance_pF", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void presetsAreDocumentedParameterChanges() {
        AxonParameters h = AxonParameters.healthy();
        AxonParameters als = AxonPresets.alsEarly(h);
        assertThat(als.persistentNaFraction()).isGreaterThan(h.persistentNaFraction());
        assertThat(als.nodalSlowK_nS()).isLessThan(h.nodalSlowK_nS());
        assertThat(AxonPresets.mexiletineOnAlsEarly(h).persistentNaFraction())
                .isLessThan(als.persistentNaFraction());
        assertThat(AxonPresets.alsLate(h).nodalNa_nS()).isLessThan(h.nodalNa_nS());
        assertThat(AxonPresets.coldLimb(h).temperature_C()).isEqualTo(29.0);
        assertThat(AxonPresets.ALS_EARLY.get(0).toString()).isEqualTo("biophysical.persistentNaFraction × 1.4");
    }
}
