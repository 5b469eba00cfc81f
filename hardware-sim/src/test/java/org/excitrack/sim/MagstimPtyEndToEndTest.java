package org.excitrack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.excitrack.device.AcquisitionUnitClient;
import org.excitrack.device.AcquisitionUnits;
import org.excitrack.device.MagneticStimulator;
import org.excitrack.device.MagneticStimulators;
import org.excitrack.device.magstim.MagstimTimings;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.TriggerOut;
import org.excitrack.model.tms.ChargeState;
import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.model.tms.StimulatorPowers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * TMS end to end with nothing faked in between: {@code excitrack sim --tms magstim-bistim} in its own process, the
 * unit on one pseudo-terminal and the BiStim² on another, our drivers on both through jSerialComm (the stimulator
 * at its own 9600 baud). The unit's trigger fires the stimulator and the MEP is in the unit's sweep.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class MagstimPtyEndToEndTest {
    private static final RecordingWindow WINDOW = new RecordingWindow(0, 60_000);

    @Test
    void theUnitsTriggerFiresTheBiStimOverARealSerialPathAndTheMepIsInTheSweep() throws Exception {
        try (SimulatorProcess sim = SimulatorProcess.start("--subject", "healthy", "--seed", "5",
                "--tms", "magstim-bistim")) {
            String stimulatorPort = sim.stimulatorPort().orElseThrow();
            assertThat(stimulatorPort).matches("serial:/dev/.+\\?device=magstim-bistim");
            try (AcquisitionUnitClient unit = AcquisitionUnits.open(sim.port());
                 MagneticStimulator stimulator = MagneticStimulators.open(stimulatorPort,
                         MagstimTimings.defaults().withReply(Duration.ofSeconds(1)))) {
                assertThat(stimulator.identity().model()).isEqualTo(StimulatorModel.MAGSTIM_BISTIM);
                assertThat(stimulator.identity().port()).endsWith("(9600 baud)");
                unit.configure(AmplifierSettings.nerveDefaults().withDefaultWindow(WINDOW));
                unit.arm(Duration.ofSeconds(2));
                stimulator.setPowers(new StimulatorPowers(30, 70));
                stimulator.arm();
                Sweep sweep = unit.runTrial(new TrialSpec(1, List.of(), List.of(),
                        List.of(new TriggerOut(1, 5_000, 100)), WINDOW)).sweep();
                assertThat(SweepWindows.peakToPeakMicrovolts(sweep, 0, 4_000)).as("quiet before the pulse").isLessThan(100);
                assertThat(SweepWindows.peakToPeakMicrovolts(sweep, 20_000, 45_000)).as("MEP at 70 %% MSO").isGreaterThan(300);
                assertThat(stimulator.status().charge()).as("recharging after the pulse")
                        .isEqualTo(ChargeState.CHARGING);
                assertThat(stimulator.disarm()).isTrue();
                assertThat(stimulator.status().charge()).isEqualTo(ChargeState.STANDBY);
            }
        }
    }

}
