package org.excitrack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.excitrack.device.AcquisitionUnitClient;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.UnitState;
import org.excitrack.model.VirtualClock;
import org.excitrack.service.ThresholdReport;
import org.excitrack.service.ThresholdRequest;
import org.excitrack.service.ThresholdService;
import org.excitrack.session.VirtualTicker;
import org.excitrack.transport.Link;
import org.excitrack.transport.Links;
import org.excitrack.transport.PortUri;
import org.junit.jupiter.api.Test;

/** The in-process simulator in virtual time: the same trials as in real time, with time only the controller moves. */
class VirtualTimeTest {

    @Test
    void aThresholdInVirtualTimeIsTheSameMeasurementAsInRealTime() throws InterruptedException {
        ThresholdRequest real = ThresholdRequest.defaults("sim:unit?seed=4").withIntervalMicros(100_000);
        ThresholdRequest virtual = ThresholdRequest.defaults("sim:unit?seed=4&clock=virtual")
                .withIntervalMicros(100_000);
        ThresholdReport inReal = new ThresholdService().measure(real, p -> { });
        ThresholdReport inVirtual = new ThresholdService().measure(virtual, p -> { });
        assertThat(inVirtual.threshold()).isEqualTo(inReal.threshold());
        assertThat(inVirtual.stimuliUsed()).isEqualTo(inReal.stimuliUsed());
    }

    @Test
    void simulatedTimePassesByTheIntervalsAndTheWatchdogStillGuardsTheUnit() throws InterruptedException {
        try (Link link = Links.open(PortUri.parse("sim:unit?clock=virtual"));
             AcquisitionUnitClient unit = AcquisitionUnitClient.connect(link)) {
            VirtualClock clock = unit.virtualClock().orElseThrow();
            unit.configure(AmplifierSettings.nerveDefaults());
            unit.arm(Duration.ofMillis(500));
            long start = clock.nowMicros();
            new VirtualTicker(clock, 200_000, unit::status).sleepNanos(60_000_000_000L);
            assertThat(clock.nowMicros() - start).as("a minute of simulated time").isEqualTo(60_000_000L);
            assertThat(unit.status().state()).as("kept alive through the wait").isEqualTo(UnitState.ARMED);

            clock.advanceTo(clock.nowMicros() + 600_000);
            assertThat(unit.status().state()).as("no command for longer than the watchdog")
                    .isEqualTo(UnitState.DISARMED);
        }
    }
}
