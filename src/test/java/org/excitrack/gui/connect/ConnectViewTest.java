package org.excitrack.gui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.excitrack.gui.GuiOptions;
import org.excitrack.gui.Screenshots;
import org.excitrack.gui.common.Background;
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

/** A technician connects to the in-process simulator and a simulated BiStim², then checks the electrodes. */
@ExtendWith(ApplicationExtension.class)
class ConnectViewTest {
    private Workstation workstation;
    private Scene scene;

    @Start
    void start(Stage stage) {
        workstation = new Workstation(new GuiOptions(Optional.empty(), Optional.empty(), Path.of("target", "gui-connect"),
                true), new Background(UiThread.fx()));
        scene = WorkstationApp.scene(workstation);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void connectsToTheSimulatorAndGivesATestStimulus(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".port-uri").tryQuery().isPresent());
        robot.clickOn("#test-trial");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#problem-headline").equals("No unit connected"));

        robot.clickOn("#unit-port").write("sim:unit?subject=healthy&seed=1");
        robot.clickOn("#use-stimulator");
        robot.clickOn(robot.lookup("#stimulator-port .text-field").queryAs(TextField.class)).write("sim:magstim-bistim");
        robot.clickOn("#connect");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workstation.unitPortProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workstation.unitPortProperty().get()).isEqualTo("sim:unit?subject=healthy&seed=1");
        assertThat(workstation.stimulatorPort()).contains("sim:magstim-bistim");
        assertThat(text(robot, "#unit-title")).contains("Excitrack unit SIM-00001");
        assertThat(robot.lookup("#problem").query().isVisible()).isFalse();

        robot.clickOn("#test-trial");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#test-summary").startsWith("Peak-to-peak"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(scene, "connect"));
        assertThat(Screenshots.FOLDER.resolve("connect.png")).exists();
    }

    @Test
    void aPortThatDoesNotExistIsSaidWhereTheEyeIs(FxRobot robot) throws TimeoutException {
        robot.clickOn("#unit-port").write("serial:/dev/ttyNOPE0");
        robot.clickOn("#connect");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#problem").query().isVisible());
        assertThat(text(robot, "#problem-headline")).isEqualTo("Acquisition unit: port not found");
        robot.interact(() -> Screenshots.save(scene, "connect-error"));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
