package org.excitrack.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.excitrack.service.ThresholdReport;
import org.excitrack.service.ThresholdRequest;
import org.excitrack.service.ThresholdService;
import org.excitrack.sim.subject.VirtualSubject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The foundation's promise, end to end with nothing faked in between: the simulator in its own process on
 * a pseudo-terminal, the controller opening it with jSerialComm exactly as it would a USB-serial unit.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class PtyEndToEndTest {

    @Test
    void tracksTheSimulatorsConfiguredThresholdWithinTwoPercentOverARealSerialPath() throws Exception {
        try (SimulatorProcess sim = SimulatorProcess.start("--seed", "11", "--threshold", "5.1mA", "--sdtc", "520us")) {
            ThresholdReport report = new ThresholdService().measure(
                    ThresholdRequest.defaults(sim.port() + "?baud=921600").withIntervalMicros(100_000),
                    progress -> { });

            double truth = SimulatorConfig.fromParameters(Map.of("seed", "11", "threshold", "5.1mA", "sdtc", "520us"))
                    .subject().trueThresholdNanoamps(1_000, 0.40);
            assertThat(report.threshold().thresholdNanoamps()).isCloseTo(truth, within(truth * 0.02));
            assertThat(report.unit().serialNumber()).isEqualTo("SIM-00001");
            assertThat(report.converged()).isTrue();
            System.out.printf("pty: truth %.4f mA, measured %.4f ± %.4f mA in %d stimuli%n", truth / 1e6,
                    report.threshold().thresholdMilliamps(), report.threshold().standardErrorMilliamps(),
                    report.stimuliUsed());
        }
    }

    @Test
    void servesANamedVirtualSubjectWhoseTruthTheTrackerRecovers() throws Exception {
        try (SimulatorProcess sim = SimulatorProcess.start("--subject", "als-early", "--seed", "3")) {
            ThresholdReport report = new ThresholdService().measure(
                    ThresholdRequest.defaults(sim.port()).withIntervalMicros(100_000), progress -> { });
            VirtualSubject subject = SimulatorConfig.fromParameters(Map.of("subject", "als-early", "seed", "3"))
                    .subject();
            double truth = subject.trueThresholdNanoamps(1_000, 0.40);
            assertThat(report.threshold().thresholdNanoamps()).isCloseTo(truth, within(truth * 0.02));
            assertThat(report.maximalResponseMicrovolts()).isCloseTo(6_000, within(6_000 * 0.05));
        }
    }

    @Test
    void aShortProtocolRunsOverARealSerialPathIntoARecordingWhoseSdtcIsTheSubjects(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        try (SimulatorProcess sim = SimulatorProcess.start("--subject", "healthy", "--seed", "8")) {
            java.nio.file.Path file = dir.resolve("sd.excitrack");
            org.excitrack.service.RunService.RunReport report = new org.excitrack.service.RunService(
                    new org.excitrack.service.RunControl()).run(new org.excitrack.service.RunService.RunRequest(
                    "TRONDNF-SD", Map.of("interval", "100 ms"), sim.port(), file,
                    new org.excitrack.service.RunService.Subject("P1", 30, "M", 33.0, null, null), "", Map.of(),
                    false), e -> { });
            assertThat(report.state()).isEqualTo(org.excitrack.model.session.SessionState.FINISHED);
            double sdtc = report.variables().stream().filter(v -> v.numberText().equals("3")).findFirst()
                    .orElseThrow().value();
            assertThat(sdtc).as("the healthy subject's SDTC is 0.435 ms").isCloseTo(0.435, within(0.435 * 0.03));
            assertThat(org.excitrack.storage.recording.RecordingFile.open(file).trials()).hasSize((int) report.trials());
        }
    }
}
