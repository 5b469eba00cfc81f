package org.excitrack.gui.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.excitrack.gui.run.RunScreenTest.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.excitrack.gui.GuiOptions;
import org.excitrack.gui.Screenshots;
import org.excitrack.gui.common.Background;
import org.excitrack.gui.common.Step;
import org.excitrack.gui.common.UiThread;
import org.excitrack.gui.common.Workstation;
import org.excitrack.gui.shell.ShellView;
import org.excitrack.gui.shell.ShellViewModel;
import org.excitrack.gui.shell.WorkstationApp;
import org.excitrack.service.RunService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Abort and emergency stop reach the session and the unit while the FX thread is stuck: they travel on the
 * workstation's stop line, not through the FX queue. The run ends (its report is in) before the FX thread is
 * let go, and no trial starts after the stop but the one already in flight. The simulator runs in real time here,
 * with the protocol's interval shortened to 500 ms: "within one trial interval" is then a statement about real
 * trials (a stop that queued behind the blocked FX thread would let several more through), and nothing measures
 * how long anything took.
 */
@ExtendWith(ApplicationExtension.class)
class RunStopTest {
    /** Noisier than the healthy preset's amplifier, so the run raises a noise warning for the strip to show. */
    private static final String PORT = "sim:unit?subject=healthy&seed=1&noise=60uV";

    @TempDir
    static Path recordings;
    private Workstation workstation;
    private RunViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) {
        workstation = new Workstation(new GuiOptions(Optional.of(PORT), Optional.empty(), recordings, false),
                new Background(UiThread.fx()));
        workstation.unitPortProperty().set(PORT);
        workstation.unitDescriptionProperty().set("Excitrack unit SIM-00001 (simulated), virtual time");
        workstation.subjectProperty().set(new RunService.Subject("P-0107", 61, "M", 33.4, "Median Wr-APB", "ALS"));
        workstation.protocolProperty().set("TRONDNF");
        workstation.protocolOverridesProperty().set(Map.of("interval", "500 ms"));
        workstation.stepProperty().set(Step.RUN);
        model = new RunViewModel(workstation);
        // the shell around the Run screen alone, so the test holds the screen's model
        ShellView shell = new ShellView(new ShellViewModel(workstation), Map.of(Step.RUN, new RunView(model)));
        scene = new Scene((Parent) shell.node(), 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(WorkstationApp.class
                .getResource("/org/excitrack/gui/excitrack.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        workstation.abort();
        workstation.close();
    }

    @Test
    void emergencyStopEndsTheRunWhileTheFxThreadIsBlocked(FxRobot robot) throws Exception {
        startAndAnswerThePrompts(robot);
        waitForTrials(3);

        StopOutcome stop = stopWithTheFxThreadBlocked(workstation::emergencyStop);

        assertThat(stop.endedWhileBlocked()).isTrue();
        assertThat(stop.summary().outcome()).as(stop.summary().toString()).isEqualTo("Emergency stop");
        assertThat(stop.summary().trials()).as("only the trial in flight may complete").isBetween(stop.before(),
                stop.before() + 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workstation.runningProperty().get()).isFalse();
        assertThat(robot.lookup("#run-summary-title").queryLabeled().getText()).isEqualTo("Emergency stop");
        assertThat(model.warnings()).anySatisfy(w -> assertThat(w.kind()).isEqualTo("noise"));
        robot.interact(() -> Screenshots.save(scene, "run-stopped"));
    }

    @Test
    void abortEndsTheRunWhileTheFxThreadIsBlocked(FxRobot robot) throws Exception {
        startAndAnswerThePrompts(robot);
        waitForTrials(3);

        StopOutcome stop = stopWithTheFxThreadBlocked(workstation::abort);

        assertThat(stop.endedWhileBlocked()).isTrue();
        assertThat(stop.summary().outcome()).isEqualTo("Aborted");
        assertThat(stop.summary().trials()).isBetween(stop.before(), stop.before() + 1);
    }

    @Test
    void abortWhileAPromptIsOpenClosesItAndEndsTheRun(FxRobot robot) throws Exception {
        robot.interact(model::start);
        waitUntil(() -> robot.lookup("#prompt-card").tryQuery().isPresent());
        OperatorPrompt open = WaitForAsyncUtils.asyncFx(() -> model.promptProperty().get()).get();
        assertThat(open.kind()).isEqualTo(OperatorPrompt.Kind.CHECKLIST);

        robot.interact(() -> { }); // the prompt is on screen; now stop from off the FX thread, as the stop line does
        workstation.abort();

        waitUntil(() -> model.endedOffFxThread() != null);
        assertThat(open.answered()).isCancelled();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.promptProperty().get()).isNull();
        assertThat(robot.lookup("#run-prompt-layer").query().isVisible()).isFalse();
        assertThat(model.summaryProperty().get().outcome()).isEqualTo("Aborted");
        assertThat(model.summaryProperty().get().trials()).isZero();
    }

    private void startAndAnswerThePrompts(FxRobot robot) throws Exception {
        robot.interact(model::start);
        answer(OperatorPrompt.Kind.CHECKLIST, p -> p.tick(java.util.Collections.nCopies(p.items().size(), true)));
        answer(OperatorPrompt.Kind.INPUT, p -> p.enter(p.suggestedText()));
    }

    /** Waits for {@code n} trials, reading on as a technician would any message the protocol shows meanwhile. */
    private void waitForTrials(long n) throws Exception {
        waitUntil(() -> {
            robot().interact(() -> {
                OperatorPrompt p = model.promptProperty().get();
                if (p != null && p.kind() == OperatorPrompt.Kind.ACKNOWLEDGE) {
                    p.acknowledge();
                }
            });
            return model.trialsSoFar() >= n;
        });
    }

    private void answer(OperatorPrompt.Kind kind, java.util.function.Consumer<OperatorPrompt> how) throws Exception {
        waitUntil(() -> {
            OperatorPrompt p = WaitForAsyncUtils.asyncFx(() -> model.promptProperty().get()).get();
            return p != null && p.kind() == kind;
        });
        robot().interact(() -> how.accept(model.promptProperty().get()));
    }

    private static FxRobot robot() {
        return new FxRobot();
    }

    /** The trials before the stop, how the run ended, and whether it ended while the FX thread was still held. */
    record StopOutcome(long before, RunSummary summary, boolean endedWhileBlocked) {
    }

    private StopOutcome stopWithTheFxThreadBlocked(Runnable stop) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Platform.runLater(() -> {
            inside.countDown();
            try {
                // a long piece of FX work: a layout storm, a slow listener; the stop must not queue behind it
                release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            long before = model.trialsSoFar();
            stop.run();
            waitUntil(() -> model.endedOffFxThread() != null);
            boolean stillBlocked = release.getCount() == 1;
            return new StopOutcome(before, model.endedOffFxThread(), stillBlocked);
        } finally {
            release.countDown();
        }
    }

}
