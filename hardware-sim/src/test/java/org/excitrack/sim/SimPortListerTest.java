package org.excitrack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.excitrack.model.PortInfo;
import org.excitrack.service.PortsService;
import org.junit.jupiter.api.Test;

/** What {@code excitrack ports} offers from the simulator: the unit and every simulated magnetic stimulator. */
class SimPortListerTest {
    @Test
    void theSimulatedUnitAndEveryStimulatorAreListedAsSimulated() {
        assertThat(new PortsService().list()).filteredOn(PortInfo::simulated).extracting(PortInfo::uri)
                .containsExactly("sim:magpro", "sim:magstim-200", "sim:magstim-bistim", "sim:magstim-rapid", "sim:unit");
        assertThat(new SimPortLister().list()).filteredOn(p -> !p.uri().equals("sim:unit")).allSatisfy(p ->
                assertThat(p.description()).contains("magnetic stimulator", "--tms", "subject and seed"));
    }
}
