package org.excitrack.gui.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.excitrack.gui.GuiOptions;
import org.excitrack.gui.Screenshots;
import org.excitrack.gui.common.Background;
import org.excitrack.gui.common.Step;
import org.excitrack.gui.common.UiThread;
import org.excitrack.gui.common.Workstation;
import org.excitrack.gui.shell.WorkstationApp;
import org.excitrack.service.ConnectionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With the simulator connected (no stimulator), a technician picks a TMS protocol and is told why it cannot be
 * used, then picks TRONDNF with a parameter and uses it.
 */
@ExtendWith(ApplicationExtension.class)
class ProtocolViewTest {
    private static final String UNIT = "sim:unit?subject=healthy&seed=1";
    private Workstation workstation;
    private Scene scene;

    @Start
    void start(Stage stage) {
        workstation = new Workstation(new GuiOptions(Optional.of(UNIT), Optional.empty(), Path.of("target",
                "gui-protocol"), true), new Background(UiThread.fx()));
        ConnectionService.Connection c = new ConnectionService(true).connect(UNIT, Optional.empty());
        workstation.unitPortProperty().set(UNIT);
        workstation.unitCapabilitiesProperty().set(c.unit().capabilities());
        workstation.unitDescriptionProperty().set(c.unit().description());
        workstation.stepProperty().set(Step.PROTOCOL);
        scene = WorkstationApp.scene(workstation);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void refusesTmsWithoutAStimulatorAndUsesANerveProtocol(FxRobot robot) throws TimeoutException {
        ListView<?> list = robot.lookup("#built-ins").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().size() > 10);
        robot.clickOn(builtIn(robot, "RMT"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#protocol-verdict").startsWith("Valid"));
        assertThat(text(robot, "#stimulator-note")).contains("connect a magnetic stimulator");
        assertThat(robot.lookup("#use-protocol").query().isDisabled()).isTrue();
        robot.interact(() -> Screenshots.save(scene, "protocol-tms-refused"));

        robot.clickOn(builtIn(robot, "TRONDNF"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#protocol-title").equals("TRONDNF")
                && text(robot, "#protocol-verdict").startsWith("Valid"));
        robot.clickOn("#overrides").write("target=40%");
        robot.clickOn("#check");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#use-protocol").query().isDisabled());
        robot.clickOn("#use-protocol");
        assertThat(workstation.protocolProperty().get()).isEqualTo("TRONDNF");
        assertThat(workstation.protocolOverridesProperty().get()).containsEntry("target", "40%");
        assertThat(text(robot, "#protocol-used")).startsWith("✓ TRONDNF is this session's protocol");
        robot.interact(() -> Screenshots.save(scene, "protocol"));
    }

    /** The file chooser is the platform's own dialog, so this opens the file through the ViewModel, as it does. */
    @Test
    void showsTheCheckersDiagnosticsOfABrokenFile(FxRobot robot) throws Exception {
        Path file = Files.createTempDirectory(Path.of("target"), "gui-protocol").resolve("median-sr.exc");
        Files.writeString(file, """
                protocol "Median SR"
                description "Stimulus-response of the median nerve at the wrist"
                parameter target = 40 %
                settings {
                  sample rate 10 kHz
                  window 30 ms
                  interval 1 s
                  target target of maximal response
                  test width 1 mA
                  maximum stimulus 80 mA
                }
                section "Stimulus-response" {
                  stimulus response width 1 ms
                }
                """);
        ProtocolViewModel model = new ProtocolViewModel(workstation);
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            Parent root = (Parent) new ProtocolView(model).node();
            Scene own = new Scene(root, 1090, 740);
            own.getStylesheets().add(Objects.requireNonNull(WorkstationApp.class.getResource(
                    "/org/excitrack/gui/excitrack.css")).toExternalForm());
            stage[0] = new Stage();
            stage[0].setScene(own);
            stage[0].show();
        });
        java.util.List<java.util.concurrent.CompletableFuture<Void>> checked = new java.util.ArrayList<>();
        robot.interact(() -> {
            checked.add(model.loadBuiltIns());
            checked.add(model.openFile(file));
        });
        checked.get(1).get(20, TimeUnit.SECONDS);
        checked.get(0).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.previewProperty().get().valid()).isFalse();
        robot.interact(() -> {
            Screenshots.save(stage[0].getScene(), "protocol-diagnostics");
            stage[0].close();
        });
    }

    private static Node builtIn(FxRobot robot, String name) {
        return robot.lookup(".built-in-name").match((Label l) -> l.getText().equals(name)).query();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
