package org.excitrack.gui.run;

import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.excitrack.gui.common.FxmlView;
import org.excitrack.gui.common.Screen;

/**
 * The Run step: a thin view over {@link RunViewModel}. One animation timer drives everything live: each pulse
 * it lets the model take what the session reported and lets each plot redraw if its data changed, so the screen
 * is redrawn at most once per frame however fast trials come (virtual time gives thousands a second).
 */
public final class RunView implements Screen {
    private final RunViewModel model;
    private final StackPane root;
    private final SweepPlot sweepPlot;
    private final TrackingPlot trackingPlot;
    private final PromptOverlay prompts;
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame();
        }
    };

    @FXML private VBox content;
    @FXML private Label state;
    @FXML private Button start;
    @FXML private Button pause;
    @FXML private Button resume;
    @FXML private Button abort;
    @FXML private VBox warningStrip;
    @FXML private Label subject;
    @FXML private Label protocol;
    @FXML private Label unit;
    @FXML private Label stimulator;
    @FXML private Label recording;
    @FXML private VBox nowCard;
    @FXML private Label section;
    @FXML private ProgressBar progress;
    @FXML private Label progressText;
    @FXML private Label stimulus;
    @FXML private Label lastThreshold;
    @FXML private VBox summaryCard;
    @FXML private Label summaryTitle;
    @FXML private Label summaryReason;
    @FXML private Label summaryTrials;
    @FXML private VBox summaryResults;
    @FXML private Button review;
    @FXML private StackPane sweepHolder;
    @FXML private StackPane trackingHolder;
    @FXML private StackPane promptLayer;

    public RunView(RunViewModel model) {
        this.model = model;
        this.root = FxmlView.load(this, "Run.fxml");
        this.sweepPlot = new SweepPlot(() -> model.feed().sweep());
        this.trackingPlot = new TrackingPlot(model::feed);
        sweepHolder.getChildren().add(sweepPlot.node());
        trackingHolder.getChildren().add(trackingPlot.node());
        this.prompts = new PromptOverlay(promptLayer, model::abort);
        bindOverview();
        bindControls();
        bindNow();
        bindSummary();
        model.warnings().addListener((ListChangeListener<LiveWarning>) c -> showWarnings(model.warnings()));
        showWarnings(model.warnings());
        model.promptProperty().addListener((o, was, now) -> prompts.show(now));
        // the timer runs only while the screen is in the window: no frames are spent on a hidden step
        root.parentProperty().addListener((o, was, now) -> {
            if (now == null) {
                frames.stop();
            } else {
                frames.start();
            }
        });
    }

    /** One frame: take the session's news, redraw what changed. Also what the benchmark times. */
    void frame() {
        model.pulse();
        sweepPlot.redraw();
        trackingPlot.redraw();
    }

    private void bindOverview() {
        subject.textProperty().bind(model.subjectText());
        protocol.textProperty().bind(model.protocolText());
        unit.textProperty().bind(model.unitText());
        stimulator.textProperty().bind(model.stimulatorText());
        recording.textProperty().bind(model.recordingText());
    }

    private void bindControls() {
        state.textProperty().bind(model.stateProperty());
        model.stateStyleProperty().addListener((o, was, now) -> chip(now));
        chip(model.stateStyleProperty().get());
        start.disableProperty().bind(model.canStart().not());
        start.setOnAction(e -> model.start());
        pause.disableProperty().bind(model.canPause().not());
        pause.setOnAction(e -> model.pause());
        resume.disableProperty().bind(model.canResume().not());
        resume.setOnAction(e -> model.resume());
        abort.disableProperty().bind(model.canAbort().not());
        abort.setOnAction(e -> model.abort());
        // Pause and Resume share a place: only the one that applies is shown
        pause.managedProperty().bind(pause.visibleProperty());
        resume.managedProperty().bind(resume.visibleProperty());
        resume.visibleProperty().bind(model.canResume());
        pause.visibleProperty().bind(model.canResume().not());
    }

    private void chip(String style) {
        state.getStyleClass().removeAll("idle", "running", "paused", "finished", "stopped");
        state.getStyleClass().add(style);
    }

    private void bindNow() {
        section.textProperty().bind(model.sectionProperty());
        progress.progressProperty().bind(model.progressProperty());
        progressText.textProperty().bind(model.progressTextProperty());
        stimulus.textProperty().bind(model.stimulusProperty());
        lastThreshold.textProperty().bind(model.lastThresholdProperty());
    }

    private void bindSummary() {
        summaryCard.managedProperty().bind(summaryCard.visibleProperty());
        summaryCard.visibleProperty().bind(model.summaryProperty().isNotNull());
        nowCard.managedProperty().bind(nowCard.visibleProperty());
        nowCard.visibleProperty().bind(model.summaryProperty().isNull());
        review.disableProperty().bind(model.canReview().not());
        review.setOnAction(e -> model.review());
        model.summaryProperty().addListener((o, was, now) -> showSummary(now));
    }

    private void showSummary(RunSummary s) {
        summaryCard.getStyleClass().removeAll("finished", "stopped");
        // after a run the next step is usually Review: starting again should not be the loudest button
        start.getStyleClass().removeAll("primary", "secondary");
        start.getStyleClass().add(s == null ? "primary" : "secondary");
        start.setText(s == null ? "Start recording" : "Record again");
        summaryResults.getChildren().clear();
        if (s == null) {
            return;
        }
        summaryCard.getStyleClass().add(s.finished() ? "finished" : "stopped");
        summaryTitle.setText(s.outcome());
        summaryReason.setText(reasonText(s));
        summaryTrials.setText(s.trials() + " trials");
        javafx.scene.layout.GridPane table = new javafx.scene.layout.GridPane();
        table.setHgap(10);
        table.setVgap(4);
        table.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(),
                new javafx.scene.layout.ColumnConstraints(), new javafx.scene.layout.ColumnConstraints());
        table.getColumnConstraints().get(0).setHgrow(javafx.scene.layout.Priority.ALWAYS);
        int row = 0;
        for (RunSummary.Result r : s.results()) {
            Label name = new Label(r.name());
            name.setWrapText(true);
            name.getStyleClass().add("summary-name");
            Label value = new Label(r.value());
            value.getStyleClass().add("summary-value");
            Label note = new Label(r.note());
            note.getStyleClass().addAll("summary-note", r.outside() ? "warning-text" : "hint");
            // numbers are never elided: the name wraps instead
            value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            note.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            table.addRow(row++, name, value, note);
        }
        summaryResults.getChildren().add(table);
    }

    /** Why it ended, said once (not "Emergency stop: emergency stop"), and where its trials are. */
    static String reasonText(RunSummary s) {
        if (s.finished()) {
            return "Recorded to " + s.recording();
        }
        String why = s.reason() == null || s.reason().equalsIgnoreCase(s.outcome()) ? ""
                : Character.toUpperCase(s.reason().charAt(0)) + s.reason().substring(1) + ". ";
        return why + (s.recording().isEmpty() ? "Nothing was recorded." : "The trials given so far are kept in "
                + s.recording() + ".");
    }

    private void showWarnings(List<LiveWarning> warnings) {
        warningStrip.getChildren().clear();
        for (LiveWarning w : warnings) {
            Label kind = new Label(w.kind().toUpperCase(java.util.Locale.ROOT) + "  ");
            kind.getStyleClass().addAll("warning-line", "warning-kind");
            Label text = new Label(w.message() + "  (after trial " + w.afterTrials() + ")");
            text.getStyleClass().add("warning-line");
            text.setWrapText(true);
            javafx.scene.layout.HBox line = new javafx.scene.layout.HBox(kind, text);
            warningStrip.getChildren().add(line);
        }
        warningStrip.setVisible(!warnings.isEmpty());
        warningStrip.setManaged(!warnings.isEmpty());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        frames.start();
    }
}
