package org.excitrack.sim.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.excitrack.device.AcquisitionUnitClient;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.UnitState;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionState;
import org.excitrack.service.ProtocolService;
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
import org.excitrack.transport.Link;
import org.excitrack.transport.Links;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Abort, emergency stop and pause against the simulator in virtual time, with the recording checked after. */
class SessionControlTest {
    @TempDir
    Path dir;

    private final ProtocolPlan plan = new ProtocolService().check("TRONDNF-RC", Map.of()).plan().orElseThrow();

    @Test
    void abortEndsTheSessionAtOnceAndTheRecordingKeepsEveryCompletedTrial() throws Exception {
        SessionControl control = new SessionControl();
        try (Link link = Links.open("sim:unit?seed=2&clock=virtual");
             AcquisitionUnitClient unit = AcquisitionUnitClient.connect(link);
             RecordingWriter writer = RecordingFile.create(dir.resolve("a.excitrack"), metadata(unit))) {
            List<SessionEvent.Trial> trials = new ArrayList<>();
            ProtocolSession session = session(unit, control, writer);
            session.addListener(e -> {
                if (e instanceof SessionEvent.Trial t) {
                    trials.add(t);
                    if (trials.size() == 40) {
                        control.abort();
                    }
                }
            });
            ProtocolSession.Outcome outcome = session.run();

            assertThat(outcome.state()).isEqualTo(SessionState.ABORTED);
            assertThat(trials).hasSize(40);
            assertThat(unit.status().state()).isEqualTo(UnitState.DISARMED);
        }
        Recording recording = RecordingFile.open(dir.resolve("a.excitrack"));
        assertThat(recording.trials()).hasSize(40);
        assertThat(recording.events()).anySatisfy(e -> assertThat(e.detail()).contains("aborted"));
    }

    @Test
    void anEmergencyStopSwitchesTheUnitOffAndEndsTheSession() throws Exception {
        SessionControl control = new SessionControl();
        try (Link link = Links.open("sim:unit?seed=3&clock=virtual");
             AcquisitionUnitClient unit = AcquisitionUnitClient.connect(link);
             RecordingWriter writer = RecordingFile.create(dir.resolve("e.excitrack"), metadata(unit))) {
            AtomicInteger count = new AtomicInteger();
            ProtocolSession session = session(unit, control, writer);
            session.addListener(e -> {
                if (e instanceof SessionEvent.Trial && count.incrementAndGet() == 25) {
                    control.emergencyStop();
                }
            });
            ProtocolSession.Outcome outcome = session.run();

            assertThat(outcome.state()).isEqualTo(SessionState.EMERGENCY_STOPPED);
            assertThat(unit.status().state()).isEqualTo(UnitState.EMERGENCY_STOPPED);
            assertThat(count).hasValue(25);
        }
    }

    @Test
    void whilePausedNothingIsSentAndResumingCarriesOnToTheEnd() throws Exception {
        SessionControl control = new SessionControl();
        try (Link link = Links.open("sim:unit?seed=4&clock=virtual");
             AcquisitionUnitClient unit = AcquisitionUnitClient.connect(link);
             RecordingWriter writer = RecordingFile.create(dir.resolve("p.excitrack"), metadata(unit))) {
            AtomicInteger trials = new AtomicInteger();
            ProtocolSession session = session(unit, control, writer);
            session.addListener(e -> {
                if (e instanceof SessionEvent.Trial && trials.incrementAndGet() == 30) {
                    control.pause();
                }
            });
            Thread runner = new Thread(() -> {
                try {
                    session.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            runner.start();
            while (runner.getState() != Thread.State.WAITING || control.requested() != SessionState.PAUSED) {
                Thread.onSpinWait();
            }
            long deliveredWhilePaused = unit.status().trialsDelivered();
            assertThat(trials).hasValue(30);
            assertThat(deliveredWhilePaused).isEqualTo(30);
            control.resume();
            runner.join();
            assertThat(trials.get()).isGreaterThan(30);
            assertThat(unit.status().trialsDelivered()).isEqualTo(trials.get());
        }
        assertThat(RecordingFile.open(dir.resolve("p.excitrack")).events())
                .anySatisfy(e -> assertThat(e.detail()).isEqualTo("resumed"));
    }

    private ProtocolSession session(AcquisitionUnitClient unit, SessionControl control, RecordingWriter writer) {
        return new ProtocolSession(unit, plan, SafetyLimits.nerveDefaults(), new org.excitrack.session.ScriptedOperator(Map.of("temperature", 33.0)), control,
                new RecordingFileRecorder(writer, java.time.Clock.systemUTC()), Ticker.SYSTEM);
    }

    private static RecordingMetadata metadata(AcquisitionUnitClient unit) {
        return new RecordingMetadata("test", new SubjectInfo("S", 40, "F", 33.0, null, null), "tester",
                new ProtocolSource("TRONDNF-RC", "x"), new DeviceInfo(unit.identity(), "{}"));
    }
}
