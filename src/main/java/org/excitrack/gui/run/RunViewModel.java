package org.excitrack.gui.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.excitrack.gui.common.Step;
import org.excitrack.gui.common.UiThread;
import org.excitrack.gui.common.Workstation;
import org.excitrack.model.session.SessionState;
import org.excitrack.service.RecordingLibrary;
import org.excitrack.service.RunControl;
import org.excitrack.service.RunService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Run step's state and actions, testable without a stage. A run goes on its own thread (it blocks for the
 * whole protocol, so it must not hold a pooled worker); its events land in a {@link LiveFeed}, which
 * {@link #pulse()} copies into these properties once per frame. Abort and emergency stop go through the
 * {@link Workstation}'s stop line, never through the FX thread's queue.
 */
public final class RunViewModel {
    /** Warnings kept on screen; older ones are in the recording's events. */
    static final int WARNINGS_SHOWN = 4;
    private static final Logger LOG = LoggerFactory.getLogger(RunViewModel.class);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Workstation workstation;
    private final UiThread ui;
    private final ThreadFactory runThreads;
    private volatile LiveFeed feed = new LiveFeed();
    private final AtomicReference<RunSummary> ended = new AtomicReference<>();
    private LiveStatus shownStatus;

    private final StringProperty state = new SimpleStringProperty("Ready");
    private final StringProperty stateStyle = new SimpleStringProperty("idle");
    private final StringProperty section = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty stimulus = new SimpleStringProperty("");
    private final StringProperty lastThreshold = new SimpleStringProperty("");
    private final ObservableList<LiveWarning> warnings = FXCollections.observableArrayList();
    private final ObjectProperty<RunSummary> summary = new SimpleObjectProperty<>();
    private final ObjectProperty<OperatorPrompt> prompt = new SimpleObjectProperty<>();
    private final BooleanProperty pauseRequested = new SimpleBooleanProperty();
    private final BooleanBinding canStart;

    public RunViewModel(Workstation workstation) {
        this(workstation, r -> {
            Thread t = new Thread(r, "excitrack-run-" + RUNS.incrementAndGet());
            // closing the window must not hang on a run: WorkstationApp.stop aborts it first
            t.setDaemon(true);
            return t;
        });
    }

    RunViewModel(Workstation workstation, ThreadFactory runThreads) {
        this.workstation = workstation;
        this.ui = workstation.background().ui();
        this.runThreads = runThreads;
        this.canStart = Bindings.createBooleanBinding(() -> !workstation.runningProperty().get()
                        && workstation.unitPortProperty().get() != null && workstation.subjectProperty().get() != null
                        && workstation.protocolProperty().get() != null, workstation.runningProperty(),
                workstation.unitPortProperty(), workstation.subjectProperty(), workstation.protocolProperty());
    }

    public Workstation workstation() {
        return workstation;
    }

    /** Starts the protocol on a thread of its own; the emergency stop can reach it from this moment. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        RunPlan plan = RunPlan.of(workstation);
        RunControl control = new RunControl();
        LiveFeed runFeed = new LiveFeed();
        feed = runFeed;
        ended.set(null);
        shownStatus = null;
        summary.set(null);
        warnings.clear();
        pauseRequested.set(false);
        show("Starting", "running");
        workstation.activeRunProperty().set(control);
        runThreads.newThread(() -> run(plan, control, runFeed)).start();
    }

    /** The run's thread: the recording's path (a disk look-up), the whole session, then the summary. */
    private void run(RunPlan plan, RunControl control, LiveFeed runFeed) {
        Path out = null;
        RunSummary end;
        try {
            Files.createDirectories(plan.recordingsFolder());
            out = new RecordingLibrary(plan.recordingsFolder()).newRecordingPath(plan.subject().pseudonymousId(),
                    plan.protocolName(), Instant.now());
            Path recording = out;
            ui.run(() -> workstation.recordingProperty().set(recording));
            GuiOperator operator = new GuiOperator(this::ask);
            end = RunSummary.of(new RunService(control).run(plan.request(out, operator), runFeed));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end = RunSummary.failed("the run's thread was interrupted", runFeed.trials(), name(out));
        } catch (IOException e) {
            end = RunSummary.failed("cannot create " + plan.recordingsFolder() + ": " + e.getMessage(), 0, "");
        } catch (RuntimeException e) {
            // the top of the run's thread: whatever ended the run must reach the operator, not vanish with it
            LOG.error("run of {} failed", plan.protocol(), e);
            end = RunSummary.failed(e.getMessage() == null ? e.toString() : e.getMessage(), runFeed.trials(),
                    name(out));
        }
        boolean kept = out != null && Files.exists(out);
        ended.set(end);
        RunSummary summaryOfRun = end;
        ui.run(() -> finished(summaryOfRun, control, kept));
    }

    private void finished(RunSummary end, RunControl control, boolean recordingKept) {
        if (!recordingKept) {
            workstation.recordingProperty().set(null);
        }
        if (workstation.activeRunProperty().get() == control) {
            workstation.activeRunProperty().set(null);
        }
        prompt.set(null);
        pulse();
        if (end.finished()) {
            // the session's trial count is an estimate; a protocol that ended is done, whatever it said
            progress.set(1);
        }
        summary.set(end);
        show(end.outcome(), end.finished() ? "finished" : "stopped");
    }

    /** Called on the session's thread for each operator prompt: shows it, and takes it down once answered. */
    private void ask(OperatorPrompt p) {
        p.answered().whenComplete((value, error) -> ui.run(() -> {
            if (prompt.get() == p) {
                prompt.set(null);
            }
        }));
        ui.run(() -> {
            if (p.isOpen()) {
                prompt.set(p);
            }
        });
    }

    public void pause() {
        RunControl run = workstation.activeRunProperty().get();
        if (run != null) {
            run.pause();
            pauseRequested.set(true);
            pulse();
        }
    }

    public void resume() {
        RunControl run = workstation.activeRunProperty().get();
        if (run != null) {
            run.resume();
            pauseRequested.set(false);
            pulse();
        }
    }

    /** Ends the run: sent on the workstation's stop line, so it never waits behind the FX thread's work. */
    public void abort() {
        workstation.abort();
    }

    /** Moves to Review with the recording just made. */
    public boolean review() {
        if (!workstation.canGo(Step.REVIEW).get()) {
            return false;
        }
        workstation.stepProperty().set(Step.REVIEW);
        return true;
    }

    /**
     * Copies what the session reported since the last frame into the properties: called once per frame by the
     * view's animation timer (and directly by tests). Cheap when nothing changed.
     */
    public void pulse() {
        LiveFeed f = feed;
        LiveStatus s = f.status();
        if (s != shownStatus) {
            shownStatus = s;
            section.set(s.sectionNumber() == 0 ? "" : s.section() + "  (" + s.sectionNumber() + " of " + s.sections()
                    + ")");
            progress.set(s.fraction());
            progressText.set(progressText(s));
            stimulus.set(s.stimulus());
            lastThreshold.set(s.lastThreshold());
        }
        List<LiveWarning> fresh = f.drainWarnings();
        for (LiveWarning w : fresh) {
            warnings.add(0, w);
        }
        if (warnings.size() > WARNINGS_SHOWN) {
            warnings.remove(WARNINGS_SHOWN, warnings.size());
        }
        if (summary.get() == null && workstation.runningProperty().get()) {
            showRunningState(s);
        }
    }

    private void showRunningState(LiveStatus s) {
        if (s.state() == SessionState.PAUSED) {
            show("Paused: " + s.reason(), "paused");
        } else if (pauseRequested.get()) {
            show("Paused", "paused");
        } else if (s.state() == SessionState.RUNNING) {
            show("Running", "running");
        }
    }

    static String progressText(LiveStatus s) {
        if (s.trialsExpected() <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, "Trial %d of about %d  ·  about %s left", s.trialsDone(),
                s.trialsExpected(), clock(s.remaining()));
    }

    /** "1:05:00", "4:30", "0:07". */
    static String clock(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                seconds % 60) : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private void show(String text, String style) {
        state.set(text);
        stateStyle.set(style);
    }

    private static String name(Path p) {
        return p == null ? "" : p.getFileName().toString();
    }

    /** What will run (or runs), one line each, for the overview card. */
    public StringBinding subjectText() {
        return Bindings.createStringBinding(() -> {
            RunService.Subject s = workstation.subjectProperty().get();
            return s == null ? "No subject chosen" : s.pseudonymousId() + (s.ageYears() == null ? ""
                    : ", " + s.ageYears() + " y") + (s.sex() == null ? "" : ", " + s.sex());
        }, workstation.subjectProperty());
    }

    public StringBinding protocolText() {
        return Bindings.createStringBinding(() -> workstation.protocolProperty().get() == null ? "No protocol chosen"
                : workstation.protocolProperty().get(), workstation.protocolProperty());
    }

    /** The unit as the Connect step described it, else its port. */
    public StringBinding unitText() {
        return Bindings.createStringBinding(() -> {
            String port = workstation.unitPortProperty().get();
            String described = workstation.unitDescriptionProperty().get();
            if (port == null) {
                return "Not connected";
            }
            return described == null || described.isBlank() || described.equals("Not connected") ? port : described;
        }, workstation.unitPortProperty(), workstation.unitDescriptionProperty());
    }

    public StringBinding stimulatorText() {
        return Bindings.createStringBinding(() -> workstation.stimulatorPort().orElse("None"),
                workstation.stimulatorPortProperty());
    }

    public StringBinding recordingText() {
        return Bindings.createStringBinding(() -> workstation.recordingProperty().get() == null
                        ? "A new file in " + workstation.options().recordingsFolder()
                        : workstation.recordingProperty().get().getFileName().toString(),
                workstation.recordingProperty());
    }

    public BooleanExpression canStart() {
        return canStart;
    }

    public BooleanExpression canPause() {
        return workstation.runningProperty().and(pauseRequested.not());
    }

    public BooleanExpression canResume() {
        return workstation.runningProperty().and(pauseRequested);
    }

    public BooleanExpression canAbort() {
        return workstation.runningProperty();
    }

    public BooleanExpression canReview() {
        return summary.isNotNull().and(workstation.canGo(Step.REVIEW));
    }

    public StringProperty stateProperty() {
        return state;
    }

    /** idle, running, paused, finished or stopped: the state chip's style. */
    public StringProperty stateStyleProperty() {
        return stateStyle;
    }

    public StringProperty sectionProperty() {
        return section;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty stimulusProperty() {
        return stimulus;
    }

    public StringProperty lastThresholdProperty() {
        return lastThreshold;
    }

    /** Newest first, at most {@link #WARNINGS_SHOWN}. */
    public ObservableList<LiveWarning> warnings() {
        return warnings;
    }

    public ObjectProperty<RunSummary> summaryProperty() {
        return summary;
    }

    /** The prompt waiting for an answer, or null. */
    public ObjectProperty<OperatorPrompt> promptProperty() {
        return prompt;
    }

    /** Shows {@code other} as if a run were feeding it: for the live-view benchmark. */
    void watch(LiveFeed other) {
        feed = other;
    }

    /** The run's live data: what the plots draw from. */
    LiveFeed feed() {
        return feed;
    }

    /** How the last run ended, set on the run's own thread before the FX thread hears of it; null meanwhile. */
    public RunSummary endedOffFxThread() {
        return ended.get();
    }

    /** Trials given so far in this run, readable from any thread. */
    public long trialsSoFar() {
        return feed.trials();
    }
}
