package org.excitrack.gui.connect;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.excitrack.gui.common.FxmlView;
import org.excitrack.gui.common.Screen;
import org.excitrack.gui.common.Visibility;
import org.excitrack.model.PortInfo;
import org.excitrack.service.ConnectionService;

/** The Connect step: a thin view over {@link ConnectViewModel}. */
public final class ConnectView implements Screen {
    private final ConnectViewModel model;
    private final Node root;
    private final SweepCanvas sweep = new SweepCanvas();

    @FXML private Button refreshPorts;
    @FXML private ListView<PortInfo> ports;
    @FXML private Label portsMessage;
    @FXML private TextField unitPort;
    @FXML private CheckBox useStimulator;
    @FXML private ComboBox<String> stimulatorPort;
    @FXML private Button connect;
    @FXML private ProgressIndicator working;
    @FXML private Label activity;
    @FXML private VBox problem;
    @FXML private Label problemHeadline;
    @FXML private Label problemDetail;
    @FXML private Label unitTitle;
    @FXML private Label unitDetails;
    @FXML private Label stimulatorTitle;
    @FXML private Label stimulatorDetails;
    @FXML private Label stimulatorFault;
    @FXML private TextField testCurrent;
    @FXML private Button testTrial;
    @FXML private Label testCurrentMessage;
    @FXML private Label testSummary;
    @FXML private StackPane tracePane;

    public ConnectView(ConnectViewModel model) {
        this.model = model;
        this.root = FxmlView.load(this, "Connect.fxml");
        bindDevices();
        bindOutcome();
        bindTest();
    }

    private void bindDevices() {
        ports.setItems(model.portsFound());
        ports.setCellFactory(list -> new PortCell());
        ports.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> model.choosePort(now));
        portsMessage.textProperty().bind(model.portsMessageProperty());
        Visibility.onlyWithText(portsMessage);
        refreshPorts.setOnAction(e -> model.refreshPorts());
        refreshPorts.disableProperty().bind(model.busyProperty());
        unitPort.textProperty().bindBidirectional(model.unitPortProperty());
        useStimulator.selectedProperty().bindBidirectional(model.useStimulatorProperty());
        stimulatorPort.getItems().setAll(ConnectViewModel.stimulatorExamples());
        stimulatorPort.getEditor().textProperty().bindBidirectional(model.stimulatorPortProperty());
        stimulatorPort.disableProperty().bind(model.useStimulatorProperty().not());
        connect.disableProperty().bind(model.canConnect().not());
        connect.setOnAction(e -> model.connect());
        working.visibleProperty().bind(model.busyProperty());
        activity.textProperty().bind(model.activityProperty());
    }

    private void bindOutcome() {
        problem.visibleProperty().bind(model.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        problemHeadline.textProperty().bind(Bindings.createStringBinding(() -> model.problemProperty().get() == null
                ? "" : model.problemProperty().get().headline(), model.problemProperty()));
        problemDetail.textProperty().bind(Bindings.createStringBinding(() -> model.problemProperty().get() == null
                ? "" : model.problemProperty().get().detail(), model.problemProperty()));
        model.connectionProperty().addListener((o, old, now) -> showConnection(now));
        showConnection(model.connectionProperty().get());
        for (Label label : new Label[] {unitDetails, stimulatorTitle, stimulatorDetails, stimulatorFault}) {
            Visibility.onlyWithText(label);
        }
    }

    private void showConnection(ConnectionService.Connection c) {
        unitTitle.getStyleClass().remove("ok-text");
        if (c == null) {
            unitTitle.setText("Nothing connected yet");
            unitDetails.setText("");
            stimulatorTitle.setText("");
            stimulatorDetails.setText("");
            stimulatorFault.setText("");
            return;
        }
        unitTitle.getStyleClass().add("ok-text");
        unitTitle.setText("✓ " + c.unit().description());
        unitDetails.setText(ConnectionText.joined(ConnectionText.unit(c.unit())));
        stimulatorTitle.setText(c.stimulator().map(s -> "✓ Magnetic stimulator").orElse("No magnetic stimulator"));
        stimulatorDetails.setText(c.stimulator().map(s -> ConnectionText.joined(ConnectionText.stimulator(s)))
                .orElse("Nerve protocols only."));
        stimulatorFault.setText(c.stimulator().map(ConnectionText::stimulatorFault).orElse(""));
    }

    private void bindTest() {
        testCurrent.textProperty().bindBidirectional(model.test().currentMilliampsProperty());
        testCurrentMessage.textProperty().bind(model.test().currentMessage());
        Visibility.onlyWithText(testCurrentMessage);
        testTrial.disableProperty().bind(model.busyProperty());
        testTrial.setOnAction(e -> model.testTrial());
        testSummary.textProperty().bind(model.test().summary());
        Visibility.onlyWithText(testSummary);
        tracePane.getChildren().add(sweep);
        model.test().resultProperty().addListener((o, old, now) -> sweep.show(now));
    }


    @Override
    public Node node() {
        return root;
    }

    /** Lists the ports when the step comes into view, so a unit plugged in meanwhile appears. */
    @Override
    public void shown() {
        if (!model.busyProperty().get()) {
            model.refreshPorts();
        }
    }
}
