package org.excitrack.gui.shell;

import java.util.EnumMap;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.excitrack.gui.common.FxmlView;
import org.excitrack.gui.common.Screen;
import org.excitrack.gui.common.Step;

/**
 * The window's frame: the steps down the left, the current step in the middle, and in the header the devices and
 * an emergency stop that is always visible and answers the Escape key from anywhere in the window.
 */
public final class ShellView {
    /** The key that stops every output, wherever the focus is. */
    public static final KeyCode EMERGENCY_STOP_KEY = KeyCode.ESCAPE;

    private final ShellViewModel model;
    private final Map<Step, Screen> screens;
    private final Map<Step, ToggleButton> stepButtons = new EnumMap<>(Step.class);
    private final BorderPane root;

    @FXML private VBox steps;
    @FXML private Label devices;
    @FXML private Label message;
    @FXML private Button emergencyStop;

    public ShellView(ShellViewModel model, Map<Step, Screen> screens) {
        this.model = model;
        this.screens = new EnumMap<>(screens);
        this.root = FxmlView.load(this, "Shell.fxml");
        ToggleGroup group = new ToggleGroup();
        int number = 1;
        for (Step step : Step.values()) {
            ToggleButton button = new ToggleButton(number++ + "  " + step.title());
            button.setId("step-" + step.name().toLowerCase());
            button.getStyleClass().add("step-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(group);
            button.disableProperty().bind(model.workstation().canGo(step).not());
            button.setOnAction(e -> {
                model.go(step);
                button.setSelected(model.workstation().stepProperty().get() == step);
            });
            stepButtons.put(step, button);
            steps.getChildren().add(button);
        }
        devices.textProperty().bind(model.devicesLine());
        message.textProperty().bind(model.messageProperty());
        emergencyStop.setOnAction(e -> model.emergencyStop());
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == EMERGENCY_STOP_KEY) {
                model.emergencyStop();
                e.consume();
            }
        });
        model.workstation().stepProperty().addListener((obs, old, now) -> show(now));
        show(model.workstation().stepProperty().get());
    }

    private void show(Step step) {
        Screen screen = screens.get(step);
        stepButtons.get(step).setSelected(true);
        root.setCenter(screen.node());
        screen.shown();
    }

    public Node node() {
        return root;
    }
}
