package org.excitrack.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.excitrack.gui.GuiOptions;
import org.excitrack.gui.common.Background;
import org.excitrack.gui.common.Step;
import org.excitrack.gui.common.UiThread;
import org.excitrack.gui.common.Workstation;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionState;
import org.excitrack.service.RunService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.util.WaitForAsyncUtils;

/** The Run step's model without a stage: what it offers, and a whole run against the simulator in virtual time. */
class RunViewModelTest {
    private static final String PORT = "sim:unit?subject=healthy&seed=1";
    private static final RunService.Subject SUBJECT = new RunService.Subject("S-1", 40, "F", 33.0, "", "NC");

    @TempDir
    Path folder;
    private Workstation workstation;

    private RunViewModel model() {
        workstation = new Workstation(new GuiOptions(Optional.of(PORT), Optional.empty(), folder, true),
                new Background(UiThread.direct()));
        workstation.stepProperty().set(Step.RUN);
        return new RunViewModel(workstation);
    }

    @AfterEach
    void close() {
        if (workstation != null) {
            workstation.abort();
            workstation.close();
        }
    }

    @ParameterizedTest(name = "port {0}, subject {1}, protocol {2}: start {3}")
    @CsvSource({
        "true, true, true, true",
        "false, true, true, false",
        "true, false, true, false",
        "true, true, false, false"
    })
    void startNeedsAUnitASubjectAndAProtocol(boolean port, boolean subject, boolean protocol, boolean canStart) {
        RunViewModel m = model();
        workstation.unitPortProperty().set(port ? PORT : null);
        workstation.subjectProperty().set(subject ? SUBJECT : null);
        workstation.protocolProperty().set(protocol ? "TRONDNF-SD" : null);
        assertThat(m.canStart().get()).isEqualTo(canStart);
        assertThat(m.canAbort().get()).isFalse();
    }

    @ParameterizedTest(name = "{0} s → {1}")
    @CsvSource({"0, 0:00", "7, 0:07", "270, 4:30", "3600, 1:00:00", "3725, 1:02:05", "-5, 0:00"})
    void timeLeftReadsLikeAClock(long seconds, String shown) {
        assertThat(RunViewModel.clock(Duration.ofSeconds(seconds))).isEqualTo(shown);
    }

    @Test
    void progressSaysWhereTheRunIsAndWhatIsLeft() {
        LiveStatus s = LiveStatus.IDLE.withProgress(23, 40, Duration.ofSeconds(17));
        assertThat(RunViewModel.progressText(s)).isEqualTo("Trial 23 of about 40  ·  about 0:17 left");
        assertThat(RunViewModel.progressText(LiveStatus.IDLE)).isEmpty();
    }

    @Test
    void theNewestWarningsAreShownFirstAndOnlyAFew() {
        RunViewModel m = model();
        for (int i = 1; i <= 6; i++) {
            m.feed().on(new SessionEvent.Warning("limit", "warning " + i));
        }
        m.pulse();
        assertThat(m.warnings()).hasSize(RunViewModel.WARNINGS_SHOWN);
        assertThat(m.warnings().get(0).message()).isEqualTo("warning 6");
    }

    @Test
    void aRunGoesFromPromptsToSummaryAndOpensReview() throws Exception {
        RunViewModel m = model();
        workstation.unitPortProperty().set(PORT);
        workstation.subjectProperty().set(SUBJECT);
        workstation.protocolProperty().set("TRONDNF-SD");

        m.start();
        assertThat(workstation.activeRunProperty().get()).as("the stop reaches the run from the start").isNotNull();
        assertThat(m.canStart().get()).isFalse();
        answer(m, OperatorPrompt.Kind.CHECKLIST);
        answer(m, OperatorPrompt.Kind.INPUT);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> m.summaryProperty().get() != null);

        RunSummary s = m.summaryProperty().get();
        assertThat(s.outcome()).isEqualTo("Finished");
        assertThat(s.trials()).isPositive().isEqualTo(m.trialsSoFar());
        assertThat(s.results()).isNotEmpty().allSatisfy(r -> assertThat(r.name()).doesNotContain("\\"));
        Path recording = workstation.recordingProperty().get();
        assertThat(recording.getParent()).isEqualTo(folder);
        assertThat(Files.exists(recording)).isTrue();
        assertThat(workstation.activeRunProperty().get()).isNull();
        assertThat(m.stateProperty().get()).isEqualTo("Finished");
        assertThat(m.progressProperty().get()).isEqualTo(1.0);
        assertThat(m.feed().status().state()).isEqualTo(SessionState.FINISHED);
        assertThat(m.canReview().get()).isTrue();
        assertThat(m.review()).isTrue();
        assertThat(workstation.stepProperty().get()).isEqualTo(Step.REVIEW);
    }

    @Test
    void pauseAndResumeAreOfferedInTurn() throws Exception {
        RunViewModel m = model();
        workstation.unitPortProperty().set(PORT);
        workstation.subjectProperty().set(SUBJECT);
        workstation.protocolProperty().set("TRONDNF-SD");
        m.start();
        assertThat(m.canPause().get()).isTrue();
        m.pause();
        assertThat(m.canPause().get()).isFalse();
        assertThat(m.canResume().get()).isTrue();
        assertThat(m.stateProperty().get()).isEqualTo("Paused");
        m.resume();
        assertThat(m.canPause().get()).isTrue();
        m.abort();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> m.summaryProperty().get() != null);
        assertThat(m.summaryProperty().get().outcome()).isEqualTo("Aborted");
    }

    private static void answer(RunViewModel m, OperatorPrompt.Kind kind) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            OperatorPrompt p = m.promptProperty().get();
            return p != null && p.kind() == kind;
        });
        OperatorPrompt p = m.promptProperty().get();
        if (kind == OperatorPrompt.Kind.CHECKLIST) {
            p.tick(Collections.nCopies(p.items().size(), true));
        } else {
            assertThat(p.enter(p.suggestedText())).isEmpty();
        }
    }
}
