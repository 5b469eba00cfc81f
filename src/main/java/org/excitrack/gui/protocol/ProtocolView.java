package org.excitrack.gui.protocol;

import java.io.File;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import org.excitrack.gui.common.FxmlView;
import org.excitrack.gui.common.Screen;
import org.excitrack.gui.common.Visibility;
import org.excitrack.service.ProtocolPreview;
import org.excitrack.service.ProtocolService;

/** The Protocol step: a thin view over {@link ProtocolViewModel}. */
public final class ProtocolView implements Screen {
    private final ProtocolViewModel model;
    private final Node root;

    @FXML private ListView<ProtocolService.BuiltIn> builtIns;
    @FXML private Button openFile;
    @FXML private Label fileName;
    @FXML private Label title;
    @FXML private ProgressIndicator checking;
    @FXML private Label verdict;
    @FXML private Label stimulatorNote;
    @FXML private TextField overrides;
    @FXML private Button check;
    @FXML private Label overridesError;
    @FXML private TabPane tabs;
    @FXML private TextArea result;
    @FXML private TextArea source;
    @FXML private Button use;
    @FXML private Label usedMessage;

    public ProtocolView(ProtocolViewModel model) {
        this.model = model;
        this.root = FxmlView.load(this, "Protocol.fxml");
        bindChoice();
        bindCheck();
    }

    private void bindChoice() {
        builtIns.setItems(model.builtIns());
        builtIns.setCellFactory(list -> new BuiltInCell());
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.builtInsMessageProperty());
        builtIns.setPlaceholder(placeholder);
        builtIns.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                model.chooseBuiltIn(now.name());
            }
        });
        openFile.setOnAction(e -> chooseFile());
        fileName.textProperty().bind(Bindings.createStringBinding(() -> {
            String p = model.protocolProperty().get();
            return p == null || model.builtIns().stream().anyMatch(b -> b.name().equals(p)) ? "" : p;
        }, model.protocolProperty()));
        overrides.textProperty().bindBidirectional(model.overridesProperty());
        overrides.setOnAction(e -> model.check());
        overridesError.textProperty().bind(model.overridesError());
        Visibility.onlyWithText(overridesError);
        check.setOnAction(e -> model.check());
        check.disableProperty().bind(model.protocolProperty().isNull().or(model.checkingProperty()));
    }

    /** The chooser belongs to the view; the ViewModel only ever sees the path. */
    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a protocol");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excitrack protocols (*.exc)", "*.exc"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            builtIns.getSelectionModel().clearSelection();
            model.openFile(file.toPath());
        }
    }

    private void bindCheck() {
        checking.visibleProperty().bind(model.checkingProperty());
        model.previewProperty().addListener((o, old, now) -> showPreview(now));
        model.problemProperty().addListener((o, old, now) -> showPreview(model.previewProperty().get()));
        model.stimulatorNote().addListener((o, old, now) -> showNote(now));
        showNote(model.stimulatorNote().get());
        Visibility.onlyWithText(stimulatorNote);
        use.disableProperty().bind(model.canUse().not());
        use.setOnAction(e -> model.useProtocol());
        usedMessage.textProperty().bind(model.usedMessage());
        showPreview(null);
    }

    private void showPreview(ProtocolPreview.Preview p) {
        verdict.getStyleClass().removeAll("ok-text", "error-text");
        String problem = model.problemProperty().get();
        if (p == null) {
            title.setText(model.protocolProperty().get() == null ? "Choose a protocol"
                    : ProtocolViewModel.displayName(model.protocolProperty().get()));
            verdict.setText(problem.isEmpty() ? "" : "Cannot check: " + problem);
            verdict.getStyleClass().add("error-text");
            result.setText("");
            source.setText("");
            return;
        }
        title.setText(p.valid() ? p.name() : ProtocolViewModel.displayName(p.protocol()));
        verdict.setText(PreviewText.verdict(p));
        verdict.getStyleClass().add(p.valid() ? "ok-text" : "error-text");
        result.setText(p.valid() ? p.diagnostics() + p.summary() : p.diagnostics());
        source.setText(p.sourceText());
        tabs.getSelectionModel().select(0);
    }

    private void showNote(Optional<StimulatorNote> note) {
        stimulatorNote.getStyleClass().removeAll("note-refused", "note-info");
        stimulatorNote.setText(note.map(StimulatorNote::text).orElse(""));
        note.ifPresent(n -> stimulatorNote.getStyleClass().add(n.refuses() ? "note-refused" : "note-info"));
    }


    @Override
    public Node node() {
        return root;
    }

    /** The unit or the stimulator may have changed on the Connect step: list and check against them again. */
    @Override
    public void shown() {
        if (model.builtIns().isEmpty()) {
            model.loadBuiltIns();
        }
        if (model.protocolProperty().get() != null) {
            model.check();
        }
    }
}
