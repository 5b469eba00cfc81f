package org.excitrack.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionState;
import org.excitrack.service.AnalysisService;
import org.excitrack.service.RunControl;
import org.excitrack.service.RunService;
import org.excitrack.storage.recording.Recording;
import org.excitrack.storage.recording.RecordingFile;
import org.excitrack.storage.recording.RecordingStatus;
import org.excitrack.storage.recording.TrialRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** excitrack run and resume through the service, against the simulator in virtual time, with the file checked. */
class RunAndResumeTest {
    @TempDir
    Path dir;

    private static RunService.RunRequest request(Path out) {
        return new RunService.RunRequest("TRONDNF", Map.of(), "sim:unit?seed=6", out,
                new RunService.Subject("S06", 40, "F", 33.0, "Median Wr-APB", "NC"), "tester", Map.of(), true);
    }

    @Test
    void anAbortedRunResumesWhereItStoppedAndEndsWithTheSameFileComplete() throws Exception {
        Path file = dir.resolve("s06.excitrack");
        RunControl control = new RunControl();
        AtomicInteger trials = new AtomicInteger();
        RunService.RunReport first = new RunService(control).run(request(file), e -> {
            if (e instanceof SessionEvent.Trial && trials.incrementAndGet() == 300) {
                control.abort();
            }
        });
        assertThat(first.state()).isEqualTo(SessionState.ABORTED);
        Recording interrupted = RecordingFile.open(file);
        assertThat(interrupted.status()).isEqualTo(RecordingStatus.INTERRUPTED);
        assertThat(interrupted.trials()).hasSize(300);

        RunService.RunReport second = new RunService(new RunControl()).resume(file, "sim:unit?seed=6", true,
                e -> { });
        assertThat(second.state()).isEqualTo(SessionState.FINISHED);
        Recording done = RecordingFile.open(file);
        assertThat(done.status()).isEqualTo(RecordingStatus.FINISHED);
        Set<Long> ids = new HashSet<>();
        for (TrialRecord t : done.trials()) {
            assertThat(ids.add(t.result().trialId())).as("trial %d recorded once", t.result().trialId()).isTrue();
        }
        assertThat(done.trials()).hasSize((int) (300 + second.trials()));
        assertThat(done.variables()).isNotEmpty();
        AnalysisService.Variable sdtc = second.variables().stream().filter(v -> v.numberText().equals("3"))
                .findFirst().orElseThrow();
        assertThat(sdtc.value()).isCloseTo(0.435, within(0.435 * 0.05));
    }

    @Test
    void aRecordingIsNeverOverwrittenAndAFinishedOneIsNeverResumed() throws Exception {
        Path file = dir.resolve("done.excitrack");
        RunService.RunReport report = new RunService(new RunControl()).run(
                new RunService.RunRequest("TRONDNF-SD", Map.of(), "sim:unit?seed=6", file,
                        new RunService.Subject("S", null, null, 33.0, null, null), "", Map.of(), true), e -> { });
        assertThat(report.state()).isEqualTo(SessionState.FINISHED);
        assertThatThrownBy(() -> new RunService(new RunControl()).run(request(file), e -> { }))
                .hasMessageContaining("never overwritten");
        assertThatThrownBy(() -> new RunService(new RunControl()).resume(file, "sim:unit?seed=6", true, e -> { }))
                .hasMessageContaining("finished");
    }
}
