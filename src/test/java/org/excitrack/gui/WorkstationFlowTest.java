package org.excitrack.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.excitrack.gui.common.Background;
import org.excitrack.gui.common.Step;
import org.excitrack.gui.common.UiThread;
import org.excitrack.gui.common.Workstation;
import org.excitrack.gui.shell.WorkstationApp;
import org.excitrack.service.ProtocolService;
import org.excitrack.service.RecordingLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole bedside flow as a technician goes through it, headless, against the in-process simulator in virtual
 * time: connect, enter the subject, pick a protocol, run it answering the prompts on screen, and review the
 * recording. One screenshot per step goes to {@code target/screenshots/flow-*.png}.
 */
@ExtendWith(ApplicationExtension.class)
class WorkstationFlowTest {
    private static final String UNIT = "sim:unit?subject=healthy&seed=2";

    @TempDir
    Path recordings;
    private Workstation workstation;
    private Scene scene;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (workstation != null) {
            workstation.abort();
            workstation.close();
        }
    }

    @Test
    void aNerveExcitabilityTestFromConnectToReview(FxRobot robot) throws Exception {
        open(robot, Optional.empty());

        connect(robot);
        save(robot, "flow-1-connect");
        assertThat(workstation.unitDescriptionProperty().get()).contains("SIM-");

        enterSubject(robot, "S-FLOW-1");
        save(robot, "flow-2-subject");

        useProtocol(robot, "TRONDNF");
        save(robot, "flow-3-protocol");

        robot.clickOn("#step-run");
        robot.clickOn("#run-start");
        answerPromptsUntilTheRunEnds(robot);
        assertThat(text(robot, "#run-summary-title")).isEqualTo("Finished");
        save(robot, "flow-4-run");
        Path recording = workstation.recordingProperty().get();
        assertThat(recording).startsWith(recordings);
        assertThat(new RecordingLibrary(recordings).forSubject("S-FLOW-1")).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo("finished"));

        robot.clickOn("#run-review");
        waitUntil(() -> workstation.stepProperty().get() == Step.REVIEW
                && !robot.lookup(".variables-table").queryAll().isEmpty() && text(robot, "#review-title").contains("S-FLOW-1"));
        save(robot, "flow-5-review");
    }

    @Test
    void aMotorThresholdWithTheSimulatedBiStim(FxRobot robot) throws Exception {
        open(robot, Optional.of("sim:magstim-bistim"));

        connect(robot);
        assertThat(workstation.stimulatorPort()).contains("sim:magstim-bistim");
        enterSubject(robot, "S-FLOW-TMS");
        useProtocol(robot, "RMT");

        robot.clickOn("#step-run");
        robot.clickOn("#run-start");
        answerPromptsUntilTheRunEnds(robot);
        assertThat(text(robot, "#run-summary-title")).isEqualTo("Finished");
        save(robot, "flow-tms-run");

        robot.clickOn("#run-review");
        waitUntil(() -> workstation.stepProperty().get() == Step.REVIEW && text(robot, "#review-title").contains("S-FLOW-TMS"));
        save(robot, "flow-tms-review");
    }

    private void open(FxRobot robot, Optional<String> stimulator) {
        robot.interact(() -> {
            workstation = new Workstation(new GuiOptions(Optional.of(UNIT), stimulator, recordings, true),
                    new Background(UiThread.fx()));
            scene = WorkstationApp.scene(workstation);
            stage.setScene(scene);
            stage.show();
        });
    }

    private void connect(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#unit-port").queryAs(TextField.class).getText()).isEqualTo(UNIT);
        robot.clickOn("#connect");
        waitUntil(() -> workstation.unitPortProperty().get() != null && workstation.unitCapabilitiesProperty().get() != null);
    }

    private void enterSubject(FxRobot robot, String id) throws Exception {
        robot.clickOn("#step-subject");
        robot.clickOn("#subject-id").write(id);
        robot.clickOn("#subject-age").write("47");
        robot.clickOn("#subject-temperature").write("33.2");
        robot.clickOn("#use-subject");
        waitUntil(() -> workstation.subjectProperty().get() != null);
        assertThat(workstation.subjectProperty().get().pseudonymousId()).isEqualTo(id);
        assertThat(workstation.subjectProperty().get().skinTemperatureCelsius()).isEqualTo(33.2);
    }

    @SuppressWarnings("unchecked")
    private void useProtocol(FxRobot robot, String name) throws Exception {
        robot.clickOn("#step-protocol");
        ListView<ProtocolService.BuiltIn> list = robot.lookup("#built-ins").queryAs(ListView.class);
        waitUntil(() -> !list.getItems().isEmpty());
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(b -> b.name().equals(name)).findFirst().orElseThrow()));
        waitUntil(() -> !robot.lookup("#use-protocol").queryAs(Button.class).isDisabled());
        robot.clickOn("#use-protocol");
        waitUntil(() -> name.equals(workstation.protocolProperty().get()));
    }

    /** Answers every prompt as a careful technician would: ticks each item, accepts the offered value, goes on. */
    private void answerPromptsUntilTheRunEnds(FxRobot robot) throws Exception {
        waitUntil(() -> {
            robot.interact(() -> {
                if (!shown(robot, "#prompt-card")) {
                    return;
                }
                robot.lookup(".prompt-item").queryAllAs(CheckBox.class).forEach(b -> b.setSelected(true));
                robot.lookup("#prompt-input").tryQueryAs(TextField.class).filter(f -> f.getText().isBlank())
                        .ifPresent(f -> f.setText("33.2"));
                robot.lookup("#prompt-continue").tryQueryAs(Button.class).or(() -> robot.lookup("#prompt-yes")
                        .tryQueryAs(Button.class)).filter(b -> !b.isDisabled()).ifPresent(Button::fire);
            });
            return shownOnFx(robot, "#run-summary");
        }, 300);
    }

    private static boolean shown(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> {
            for (Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;
                }
            }
            return true;
        }).orElse(false);
    }

    private static boolean shownOnFx(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> shown(robot, query)).get();
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQueryAs(Labeled.class).map(Labeled::getText)
                .orElse("")).get();
    }

    private void save(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(scene, name));
        assertThat(Files.exists(Screenshots.FOLDER.resolve(name + ".png"))).isTrue();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitUntil(condition, 60);
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
