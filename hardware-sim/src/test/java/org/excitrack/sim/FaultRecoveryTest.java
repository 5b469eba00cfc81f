package org.excitrack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.excitrack.device.AcquisitionUnitClient;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.model.session.SessionState;
import org.excitrack.service.ProtocolService;
import org.excitrack.session.Operator;
import org.excitrack.session.ScriptedOperator;
import org.excitrack.session.ProtocolSession;
import org.excitrack.session.RecordingFileRecorder;
import org.excitrack.session.SessionControl;
import org.excitrack.session.Ticker;
import org.excitrack.storage.recording.DeviceInfo;
import org.excitrack.storage.recording.ProtocolSource;
import org.excitrack.storage.recording.Recording;
import org.excitrack.storage.recording.RecordingFile;
import org.excitrack.storage.recording.RecordingMetadata;
import org.excitrack.storage.recording.RecordingWriter;
import org.excitrack.storage.recording.SubjectInfo;
import org.excitrack.storage.recording.TrialRecord;
import org.excitrack.transport.Links;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A protocol over a real pseudo-terminal through a link that corrupts, drops and stalls frames and is pulled out
 * once: the protocol completes, every trial is recorded exactly once, the unit stimulated exactly as often as the
 * recording says, and the recording tells what happened.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class FaultRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void aBadLinkAndOneDisconnectLoseAndRepeatNoTrial() throws Exception {
        ProtocolPlan plan = new ProtocolService().check("TRONDNF-SD", Map.of("interval", "100 ms")).plan()
                .orElseThrow();
        Path file = dir.resolve("faults.excitrack");
        AtomicInteger connections = new AtomicInteger();
        try (SimulatorProcess sim = SimulatorProcess.start("--seed", "9")) {
            connections.incrementAndGet();
            try (AcquisitionUnitClient first = AcquisitionUnitClient.connect(
                    new FaultyLink(Links.open(sim.port()), 1, 0.03, 0.03, 0.02, 700, 30));
                 RecordingWriter writer = RecordingFile.create(file, new RecordingMetadata("test",
                    new SubjectInfo("F", 40, "M", 33.0, null, null), "", new ProtocolSource("TRONDNF-SD", "x"),
                    new DeviceInfo(first.identity(), "{}")))) {
                ProtocolSession session = new ProtocolSession(first, plan, SafetyLimits.nerveDefaults(), operator(),
                        new SessionControl(), new RecordingFileRecorder(writer, Clock.systemUTC()), Ticker.SYSTEM);
                session.reconnectWith(() -> {
                    connections.incrementAndGet();
                    return AcquisitionUnitClient.connect(new FaultyLink(Links.open(sim.port()), connections.get(),
                            0.03, 0.03, 0.02, 700, 0));
                });
                ProtocolSession.Outcome outcome = session.run();
                assertThat(outcome.state()).isEqualTo(SessionState.FINISHED);
                writer.finish();
            }
            Recording recording = RecordingFile.open(file);
            List<Long> ids = recording.trials().stream().map(TrialRecord::result).map(r -> r.trialId()).toList();
            assertThat(ids).as("every trial once, in order").isEqualTo(java.util.stream.LongStream.rangeClosed(1,
                    ids.size()).boxed().toList());
            try (AcquisitionUnitClient check = AcquisitionUnitClient.connect(Links.open(sim.port()))) {
                assertThat(check.status().trialsDelivered()).as("stimuli the unit actually gave")
                        .isEqualTo(ids.size());
            }
            assertThat(connections).hasValue(2);
            assertThat(recording.events()).anySatisfy(e -> assertThat(e.detail()).contains("link lost"))
                    .anySatisfy(e -> assertThat(e.detail()).contains("reconnected"))
                    .anySatisfy(e -> assertThat(e.detail()).contains("requests repeated"));
        }
    }

    private static Operator operator() {
        return new ScriptedOperator(Map.of("temperature", 33.0));
    }
}
