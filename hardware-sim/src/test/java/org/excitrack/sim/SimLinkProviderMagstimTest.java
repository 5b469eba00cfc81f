package org.excitrack.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.excitrack.transport.Link;
import org.excitrack.transport.Links;
import org.excitrack.transport.PortUriException;
import org.junit.jupiter.api.Test;

/** {@code sim:magstim-…}: wired to the unit opened last, in its time, and gone with it. */
class SimLinkProviderMagstimTest {

    @Test
    void withoutAnOpenUnitTheErrorSaysToOpenOneFirst() {
        assumeTrue(SimulatedDevices.latestUnit().isEmpty(), "another test left a simulated unit open");
        assertThatThrownBy(() -> Links.open("sim:magstim-bistim")).isInstanceOf(PortUriException.class)
                .hasMessage("sim:magstim-bistim is a simulated stimulator wired to a simulated acquisition unit, and "
                        + "no unit is open in this process: open sim:unit… first (e.g. "
                        + "sim:unit?subject=healthy&seed=1&clock=virtual), then sim:magstim-bistim");
    }

    @Test
    void theStimulatorSharesTheUnitsVirtualClockAndClosesWithIt() {
        Link unit = Links.open("sim:unit?subject=healthy&seed=4&clock=virtual");
        try (Link stimulator = Links.open("sim:magstim-200?subject=healthy&seed=4")) {
            assertThat(stimulator.virtualClock()).containsSame(unit.virtualClock().orElseThrow());
            assertThat(stimulator.description()).isEqualTo("sim:magstim-200?subject=healthy&seed=4 (virtual time)");
            unit.close();
            byte[] b = new byte[8];
            int n = 0;
            for (int i = 0; i < 50 && n == 0; i++) {
                n = stimulator.read(b, 0, b.length);
            }
            assertThat(n).as("the stimulator's link ends with its unit").isEqualTo(-1);
        }
    }

    @Test
    void aRealTimeUnitGivesARealTimeStimulator() {
        try (Link unit = Links.open("sim:unit?seed=2"); Link stimulator = Links.open("sim:magstim-rapid")) {
            assertThat(unit.virtualClock()).isEmpty();
            assertThat(stimulator.virtualClock()).isEmpty();
        }
    }

    @Test
    void subjectAndSeedMustNameTheOpenUnitAndUnknownParametersAreRefused() {
        try (Link unit = Links.open("sim:unit?subject=als-early&seed=3&clock=virtual")) {
            assertThat(unit.virtualClock()).isPresent();
            assertThatThrownBy(() -> Links.open("sim:magstim-bistim?subject=healthy"))
                    .isInstanceOf(PortUriException.class)
                    .hasMessage("sim:magstim-bistim?subject=healthy asks for subject healthy, but the open simulated "
                            + "unit's subject is als-early: the stimulator is wired to that unit");
            assertThatThrownBy(() -> Links.open("sim:magstim-bistim?seed=4"))
                    .isInstanceOf(PortUriException.class).hasMessageContaining("the open simulated unit's seed is 3");
            assertThatThrownBy(() -> Links.open("sim:magstim-bistim?power=3"))
                    .isInstanceOf(PortUriException.class)
                    .hasMessageContaining("unknown simulated-Magstim parameter 'power'; accepted: mode, fault, "
                            + "faultAfter");
            assertThatThrownBy(() -> Links.open("sim:magstim-200?mode=bistim"))
                    .isInstanceOf(PortUriException.class).hasMessageContaining("applies to magstim-bistim only");
            assertThatThrownBy(() -> Links.open("sim:magstim-bistim?fault=melted"))
                    .isInstanceOf(PortUriException.class).hasMessageContaining("unknown Magstim fault 'melted'; known: "
                            + "bad-checksum, garbage, no-reply, drop-remote, coil-hot, coil-removed, fatal-error");
            assertThatThrownBy(() -> Links.open("sim:magstim-x")).isInstanceOf(PortUriException.class)
                    .hasMessageContaining("expected magstim-200, magstim-bistim or magstim-rapid");
        }
    }
}
