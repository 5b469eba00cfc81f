package org.excitrack.gui.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.excitrack.gui.GuiOptions;
import org.excitrack.gui.Screenshots;
import org.excitrack.gui.common.Background;
import org.excitrack.gui.common.Step;
import org.excitrack.gui.common.UiThread;
import org.excitrack.gui.common.Workstation;
import org.excitrack.gui.shell.WorkstationApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A technician types a subject, sees the warnings and the subject's earlier recordings, and opens one. */
@ExtendWith(ApplicationExtension.class)
class SubjectViewTest {
    private Workstation workstation;
    private Scene scene;
    private Path recordings;

    @Start
    void start(Stage stage) throws IOException {
        Files.createDirectories(Path.of("target"));
        recordings = Files.createTempDirectory(Path.of("target"), "gui-subject");
        SubjectRecordings.create(recordings, "S-014", "TRONDNF", Instant.parse("2026-01-12T09:40:00Z"), true);
        SubjectRecordings.create(recordings, "S-014", "TRONDNF-RC", Instant.parse("2026-03-02T14:05:00Z"), false);
        SubjectRecordings.create(recordings, "S-015", "TRONDNF", Instant.parse("2026-02-01T10:00:00Z"), true);
        workstation = new Workstation(new GuiOptions(Optional.empty(), Optional.empty(), recordings, true),
                new Background(UiThread.fx()));
        workstation.stepProperty().set(Step.SUBJECT);
        scene = WorkstationApp.scene(workstation);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void typesASubjectAndOpensAnEarlierRecording(FxRobot robot) throws TimeoutException {
        robot.clickOn("#subject-id").write("John Smith");
        assertThat(text(robot, "#subject-id-message")).startsWith("This looks like a person's name");
        robot.doubleClickOn("#subject-id").eraseText(10).write("S-014");
        assertThat(text(robot, "#subject-id-message")).isEmpty();
        robot.clickOn("#subject-age").write("58");
        robot.clickOn("#subject-temperature").write("31.5");
        assertThat(text(robot, "#subject-temperature-message")).startsWith("Below 32 °C");
        robot.clickOn("#subject-sites").write("median nerve at the wrist, APB");
        robot.clickOn("#subject-group").write("control");
        TableView<?> history = robot.lookup("#subject-history").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == 2);

        robot.clickOn("#use-subject");
        assertThat(workstation.subjectProperty().get().pseudonymousId()).isEqualTo("S-014");
        assertThat(workstation.subjectProperty().get().skinTemperatureCelsius()).isEqualTo(31.5);
        assertThat(text(robot, "#subject-used")).isEqualTo("✓ S-014 is this session's subject.");
        robot.clickOn((javafx.scene.Node) robot.lookup(".table-row-cell").nth(0).query());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(scene, "subject"));

        robot.clickOn("#review-recording");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workstation.stepProperty().get()).isEqualTo(Step.REVIEW);
        assertThat(workstation.recordingProperty().get().getFileName().toString()).contains("TRONDNF-RC");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
