package org.excitrack.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.excitrack.gui.GuiOptions;
import org.excitrack.gui.Screenshots;
import org.excitrack.gui.common.Background;
import org.excitrack.gui.common.Step;
import org.excitrack.gui.common.UiThread;
import org.excitrack.gui.common.Workstation;
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
 * The whole workstation, headless, runs TRONDNF against the in-process simulator in virtual time: the operator
 * answers the checklist and the temperature on the Run screen, pauses mid-run (screenshot), resumes, and the run
 * ends with its summary, a recording on disk and the way to Review open.
 */
@ExtendWith(ApplicationExtension.class)
class RunScreenTest {
    private static final String PORT = "sim:unit?subject=healthy&seed=1";
    private static final Pattern TRIAL = Pattern.compile("Trial (\\d+) of");

    @TempDir
    static Path recordings;
    private Workstation workstation;
    private Scene scene;

    @Start
    void start(Stage stage) {
        workstation = new Workstation(new GuiOptions(Optional.of(PORT), Optional.empty(), recordings, true),
                new Background(UiThread.fx()));
        workstation.unitPortProperty().set(PORT);
        workstation.unitDescriptionProperty().set("Excitrack unit SIM-00001 (simulated), virtual time");
        workstation.subjectProperty().set(new RunService.Subject("P-0042", 54, "F", 32.8, "Median Wr-APB", "NC"));
        workstation.protocolProperty().set("TRONDNF");
        workstation.stepProperty().set(Step.RUN);
        scene = WorkstationApp.scene(workstation);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        workstation.abort();
        workstation.close();
    }

    @Test
    void runsAProtocolWithThePromptsAnsweredOnScreen(FxRobot robot) throws Exception {
        assertThat(text(robot, "#run-state")).isEqualTo("Ready");
        robot.clickOn("#run-start");

        waitUntil(() -> visible(robot, "#prompt-card") && text(robot, "#prompt-text").equals("Before recording"));
        robot.interact(() -> robot.lookup(".prompt-item").queryAllAs(CheckBox.class).forEach(b -> b.setSelected(true)));
        robot.clickOn("#prompt-continue");
        waitUntil(() -> visible(robot, "#prompt-input"));
        assertThat(robot.lookup("#prompt-input").queryAs(TextField.class).getText())
                .as("the subject's skin temperature is offered").isEqualTo("32.8");
        robot.interact(() -> robot.lookup("#prompt-input").queryAs(TextField.class).setText("33.1"));
        robot.clickOn("#prompt-continue");

        waitUntil(() -> trial(robot) >= 80);
        robot.clickOn("#run-pause");
        waitUntil(() -> text(robot, "#run-state").startsWith("Paused"));
        // paused means no further trial starts: the counter stands still across frames
        long pausedAt = stableTrial(robot);
        robot.interact(() -> Screenshots.save(scene, "run-live"));
        assertThat(workstation.recordingProperty().get()).isNotNull();
        assertThat(trial(robot)).isEqualTo(pausedAt);

        robot.clickOn("#run-resume");
        waitUntil(() -> visible(robot, "#run-summary"), 240);
        assertThat(text(robot, "#run-summary-title")).isEqualTo("Finished");
        Path recording = workstation.recordingProperty().get();
        assertThat(recording).isNotNull().startsWith(recordings);
        assertThat(Files.exists(recording)).isTrue();
        assertThat(workstation.runningProperty().get()).isFalse();
        robot.interact(() -> Screenshots.save(scene, "run-finished"));
        assertThat(Screenshots.FOLDER.resolve("run-finished.png")).exists();

        robot.clickOn("#run-review");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workstation.stepProperty().get()).isEqualTo(Step.REVIEW);
    }

    private long stableTrial(FxRobot robot) throws Exception {
        long[] last = {-1};
        waitUntil(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            long now = trial(robot);
            boolean same = now == last[0];
            last[0] = now;
            return same;
        });
        return last[0];
    }

    private static long trial(FxRobot robot) throws Exception {
        Matcher m = TRIAL.matcher(text(robot, "#run-progress-text"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAs(Labeled.class).getText()).get();
    }

    private static boolean visible(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().map(Node::isVisible)
                .filter(v -> v).map(v -> {
                    Node n = robot.lookup(query).query();
                    for (Node p = n; p != null; p = p.getParent()) {
                        if (!p.isVisible()) {
                            return false;
                        }
                    }
                    return true;
                }).orElse(false)).get();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitUntil(condition, 60);
    }

    static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
