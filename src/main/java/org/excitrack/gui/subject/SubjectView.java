package org.excitrack.gui.subject;

import java.util.Optional;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.excitrack.gui.common.FxmlView;
import org.excitrack.gui.common.Screen;

/** The Subject step: a thin view over {@link SubjectViewModel}. */
public final class SubjectView implements Screen {
    private final SubjectViewModel model;
    private final Node root;

    @FXML private TextField id;
    @FXML private Label idMessage;
    @FXML private TextField age;
    @FXML private Label ageMessage;
    @FXML private ComboBox<SubjectViewModel.Sex> sex;
    @FXML private TextField temperature;
    @FXML private Label temperatureMessage;
    @FXML private TextField sites;
    @FXML private Label sitesMessage;
    @FXML private TextField group;
    @FXML private Label groupMessage;
    @FXML private Button use;
    @FXML private Label usedMessage;
    @FXML private Label historyTitle;
    @FXML private Button review;
    @FXML private TableView<SubjectViewModel.PreviousRecording> history;
    @FXML private TableColumn<SubjectViewModel.PreviousRecording, String> dateColumn;
    @FXML private TableColumn<SubjectViewModel.PreviousRecording, String> protocolColumn;
    @FXML private TableColumn<SubjectViewModel.PreviousRecording, String> statusColumn;
    @FXML private TableColumn<SubjectViewModel.PreviousRecording, Integer> trialsColumn;

    public SubjectView(SubjectViewModel model) {
        this.model = model;
        this.root = FxmlView.load(this, "Subject.fxml");
        bindForm();
        bindHistory();
    }

    private void bindForm() {
        id.textProperty().bindBidirectional(model.idProperty());
        age.textProperty().bindBidirectional(model.ageProperty());
        sex.getItems().setAll(SubjectViewModel.Sex.values());
        sex.valueProperty().bindBidirectional(model.sexProperty());
        temperature.textProperty().bindBidirectional(model.temperatureProperty());
        sites.textProperty().bindBidirectional(model.sitesProperty());
        group.textProperty().bindBidirectional(model.groupProperty());
        show(idMessage, model.idMessage());
        show(ageMessage, model.ageMessage());
        show(temperatureMessage, model.temperatureMessage());
        show(sitesMessage, model.sitesMessage());
        show(groupMessage, model.groupMessage());
        use.disableProperty().bind(model.valid().not());
        use.setOnAction(e -> model.useSubject());
        usedMessage.textProperty().bind(model.usedMessage());
        usedMessage.textProperty().addListener((o, old, now) -> style(usedMessage, now.startsWith("✓")
                ? "ok-text" : "warning-text"));
    }

    /** A field's message beside it, coloured by what it asks of the technician. */
    private static void show(Label label, ObjectBinding<Optional<FieldMessage>> message) {
        Runnable update = () -> {
            Optional<FieldMessage> m = message.get();
            label.setText(m.map(FieldMessage::text).orElse(""));
            style(label, m.map(f -> f.isError() ? "error-text" : "warning-text").orElse(""));
        };
        message.addListener((o, old, now) -> update.run());
        update.run();
    }

    private static void style(Label label, String styleClass) {
        label.getStyleClass().removeAll("error-text", "warning-text", "ok-text");
        if (!styleClass.isEmpty()) {
            label.getStyleClass().add(styleClass);
        }
    }

    private void bindHistory() {
        history.setItems(model.history());
        dateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().date()));
        protocolColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().protocol()));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status()));
        trialsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().trials()));
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.historyMessageProperty());
        placeholder.setWrapText(true);
        history.setPlaceholder(placeholder);
        history.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((o, old, now) -> {
            if (now == null) {
                history.getSelectionModel().clearSelection();
            }
        });
        history.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.review();
            }
        });
        review.disableProperty().bind(model.selectedProperty().isNull());
        review.setOnAction(e -> model.review());
        historyTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String subject = model.idProperty().get() == null ? "" : model.idProperty().get().strip();
            return subject.isEmpty() ? "Earlier recordings" : "Earlier recordings of " + subject;
        }, model.idProperty()));
    }

    @Override
    public Node node() {
        return root;
    }

    /** Recordings made since the step was last shown (a run just finished) appear without retyping the id. */
    @Override
    public void shown() {
        model.loadHistory();
    }
}
