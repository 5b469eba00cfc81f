package org.excitrack.gui.review;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.excitrack.gui.common.FxmlView;
import org.excitrack.gui.common.Screen;
import org.excitrack.service.RecordingLibrary;
import org.excitrack.service.ReviewService;

/**
 * The Review step: a thin view over {@link ReviewViewModel}. Chooses files with the platform's dialogs and hands
 * the ViewModel a path; everything else is binding.
 */
public final class ReviewView implements Screen {
    /** The figure's share of the width: at 1280 px it keeps the figure's text readable and the table unclipped. */
    private static final double DIVIDER = 0.565;
    private static final double COMPARING_DIVIDER = 0.52;

    private final ReviewViewModel model;
    private final Node root;
    private final FigurePane figure = new FigurePane();
    private final VariablesTable variables = new VariablesTable();
    private final MagneticTable magnetic = new MagneticTable();
    /** Where to save an output (null: cancelled); a dialog in the workstation, a fixed folder in headless tests. */
    private final BiFunction<ReviewOutput, String, Path> saveChooser;
    /** Which file to open (null: cancelled). */
    private final Supplier<Path> openChooser;
    private CompletableFuture<Void> lastAction = CompletableFuture.completedFuture(null);

    @FXML private Label title;
    @FXML private Label kind;
    @FXML private FlowPane facts;
    @FXML private MenuButton compare;
    @FXML private Button open;
    @FXML private VBox notes;
    @FXML private SplitPane split;
    @FXML private VBox figureCard;
    @FXML private Label figureTitle;
    @FXML private StackPane figureHolder;
    @FXML private Label magneticHint;
    @FXML private VBox variablesCard;
    @FXML private Label flagSummary;
    @FXML private StackPane tableHolder;
    @FXML private HBox exportButtons;
    @FXML private HBox reportButtons;
    @FXML private Label message;

    public ReviewView(ReviewViewModel model) {
        this(model, null, null);
    }

    /** With file choosers other than the platform's dialogs (tests: FileChooser cannot be driven headless). */
    ReviewView(ReviewViewModel model, BiFunction<ReviewOutput, String, Path> saveChooser,
               Supplier<Path> openChooser) {
        this.model = model;
        this.root = FxmlView.load(this, "Review.fxml");
        this.saveChooser = saveChooser != null ? saveChooser : this::chooseSave;
        this.openChooser = openChooser != null ? openChooser : this::chooseOpen;
        figureHolder.getChildren().add(figure);
        tableHolder.getChildren().add(variables.node());
        split.setDividerPositions(DIVIDER);
        title.textProperty().bind(model.titleProperty());
        message.textProperty().bind(model.messageProperty());
        model.messageIsErrorProperty().addListener((o, was, now) -> styleMessage());
        styleMessage();
        open.setOnAction(e -> openFile());
        for (ReviewOutput output : ReviewOutput.values()) {
            Button b = new Button(output.label());
            b.setId("save-" + output.name().toLowerCase(java.util.Locale.ROOT));
            b.getStyleClass().add(output == ReviewOutput.PDF ? "primary" : "save-button");
            b.setOnAction(e -> save(output));
            b.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !model.canSave(),
                    model.reviewProperty()).or(model.busyProperty()));
            (output.isReport() ? reportButtons : exportButtons).getChildren().add(b);
        }
        model.reviewProperty().addListener((o, was, now) -> showReview(now));
        model.facts().addListener((ListChangeListener<HeaderFacts.Fact>) c -> showFacts());
        model.notes().addListener((ListChangeListener<String>) c -> showNotes());
        model.earlier().addListener((ListChangeListener<RecordingLibrary.Entry>) c -> showEarlier());
        model.comparisons().addListener((ListChangeListener<ReviewService.Comparison>) c -> showComparisons());
        showReview(model.reviewProperty().get());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        lastAction = model.refresh();
    }

    /** The last action started from this view: tests join it rather than wait. */
    CompletableFuture<Void> lastAction() {
        return lastAction;
    }

    FigurePane figure() {
        return figure;
    }

    private void styleMessage() {
        message.getStyleClass().removeAll("error-text", "ok-text");
        message.getStyleClass().add(model.messageIsErrorProperty().get() ? "error-text" : "hint");
    }

    private void showReview(ReviewService.Review review) {
        boolean tms = review != null && review.isMagnetic();
        kind.setText(review == null ? "" : tms ? "TMS recording" : review.header().status().equals("MEM file")
                ? "QTRAC MEM file" : "Nerve excitability");
        split.getItems().setAll(tms ? List.of(figureCard) : List.of(figureCard, variablesCard));
        // the figure's panels carry their own titles; a TMS table needs one
        figureTitle.setVisible(tms);
        figureTitle.setManaged(tms);
        figureHolder.getChildren().setAll(tms ? magnetic.node() : figure);
        StackPane.setAlignment(magnetic.node(), javafx.geometry.Pos.TOP_LEFT);
        VBox.setVgrow(figureHolder, tms ? javafx.scene.layout.Priority.NEVER : javafx.scene.layout.Priority.ALWAYS);
        magneticHint.setVisible(tms);
        magneticHint.setManaged(tms);
        magnetic.show(model.magnetic());
        showComparisons();
    }

    private void showComparisons() {
        ReviewService.Review review = model.reviewProperty().get();
        if (review != null && !review.isMagnetic()) {
            // the comparison's columns need the room more than the figure's last few pixels
            split.setDividerPositions(model.comparisons().isEmpty() ? DIVIDER : COMPARING_DIVIDER);
        }
        List<org.excitrack.model.excitability.ExcitabilityRecording> overlays = new ArrayList<>();
        model.comparisons().forEach(c -> overlays.add(c.earlierCurves()));
        figure.show(review == null ? null : review.figure().orElse(null), overlays);
        variables.show(model.variables(), model.comparisons());
        long flagged = model.variables().stream().filter(ReviewService.Line::flagged).count();
        flagSummary.setText(review == null || review.isMagnetic() ? "" : flagged == 0
                ? "all inside the healthy range" : flagged + " outside the healthy range");
        flagSummary.getStyleClass().removeAll("flag-count");
        if (flagged > 0) {
            flagSummary.getStyleClass().add("flag-count");
        }
    }

    private void showFacts() {
        facts.getChildren().clear();
        for (HeaderFacts.Fact f : model.facts()) {
            Label label = new Label(f.label());
            label.getStyleClass().add("fact-label");
            Label value = new Label(f.value());
            value.getStyleClass().add("fact-value");
            HBox pair = new HBox(6, label, value);
            pair.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
            facts.getChildren().add(pair);
        }
    }

    private void showNotes() {
        notes.getChildren().clear();
        for (String n : model.notes()) {
            Label note = new Label(n);
            note.setWrapText(true);
            note.setMaxWidth(Double.MAX_VALUE);
            note.getStyleClass().add("note");
            notes.getChildren().add(note);
        }
        notes.setManaged(!model.notes().isEmpty());
        notes.setVisible(!model.notes().isEmpty());
    }

    private void showEarlier() {
        compare.getItems().clear();
        for (RecordingLibrary.Entry e : model.earlier()) {
            CheckMenuItem item = new CheckMenuItem(ReviewViewLabels.entry(e));
            item.setUserData(e);
            item.setOnAction(a -> compareChosen());
            compare.getItems().add(item);
        }
        int n = model.earlier().size();
        compare.setText(n == 0 ? "No earlier recordings" : "Compare with earlier (" + n + ")");
        compare.setDisable(n == 0);
    }

    /** Ticks the given earlier recordings in the Compare menu, as a click would (menus are awkward headless). */
    void compareWithForTest(List<RecordingLibrary.Entry> entries) {
        compare.getItems().forEach(i -> {
            if (i instanceof CheckMenuItem c) {
                c.setSelected(entries.contains(c.getUserData()));
            }
        });
        compareChosen();
    }

    private void compareChosen() {
        List<RecordingLibrary.Entry> chosen = new ArrayList<>();
        compare.getItems().stream().filter(i -> i instanceof CheckMenuItem c && c.isSelected())
                .forEach(i -> chosen.add((RecordingLibrary.Entry) i.getUserData()));
        lastAction = model.compareWith(chosen);
    }

    private void openFile() {
        Path chosen = openChooser.get();
        if (chosen != null) {
            lastAction = model.open(chosen);
        }
    }

    private void save(ReviewOutput output) {
        Path target = saveChooser.apply(output, model.suggestedFileName(output));
        if (target != null) {
            lastAction = model.save(output, target);
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private Path chooseSave(ReviewOutput output, String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save " + output.description());
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(output.description(), output.glob()));
        initialFolder().ifPresent(chooser::setInitialDirectory);
        File file = chooser.showSaveDialog(window());
        return file == null ? null : file.toPath();
    }

    /** The reviewed file's folder: known to exist (it was just read), so the FX thread need not ask the disk. */
    private Optional<File> initialFolder() {
        return Optional.ofNullable(model.reviewProperty().get()).map(r -> r.file().toAbsolutePath().getParent())
                .map(Path::toFile);
    }

    private Path chooseOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open recording");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Recordings and MEM files", "*.excitrack", "*.MEM", "*.mem"),
                new FileChooser.ExtensionFilter("All files", "*"));
        initialFolder().ifPresent(chooser::setInitialDirectory);
        File file = chooser.showOpenDialog(window());
        return file == null ? null : file.toPath();
    }
}
