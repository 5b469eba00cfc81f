package org.excitrack.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.excitrack.gui.common.Background;
import org.excitrack.gui.common.Step;
import org.excitrack.gui.common.UiThread;
import org.excitrack.gui.common.Workstation;
import org.excitrack.gui.shell.WorkstationApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The shell starts headless, shows the Connect step, and keeps steps that need a connection closed. */
@ExtendWith(ApplicationExtension.class)
class ShellSmokeTest {
    @TempDir
    static Path recordings;
    private Workstation workstation;

    @Start
    void start(Stage stage) {
        workstation = new Workstation(new GuiOptions(Optional.empty(), Optional.empty(), Path.of("target", "gui-smoke"),
                false), new Background(UiThread.fx()));
        Scene scene = WorkstationApp.scene(workstation);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void opensOnConnectWithLaterStepsClosed(FxRobot robot) {
        assertThat(workstation.stepProperty().get()).isEqualTo(Step.CONNECT);
        assertThat(robot.lookup("#step-connect").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#step-protocol").queryAs(ToggleButton.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#step-run").queryAs(ToggleButton.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#emergency-stop").tryQuery()).isPresent();
        robot.interact(() -> Screenshots.save(robot.window(0).getScene(), "shell"));
        assertThat(Screenshots.FOLDER.resolve("shell.png")).exists();
    }
}
