package org.excitrack.gui.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.excitrack.gui.common.Workstation;
import org.excitrack.service.ExportService;
import org.excitrack.service.MagneticResults;
import org.excitrack.service.RecordingLibrary;
import org.excitrack.service.ReportService;
import org.excitrack.service.ReviewService;

/**
 * The Review step's state and actions, testable without a stage: the recording under review (the last run's, or any
 * file opened), its header, variables and figure content, the subject's earlier recordings chosen for comparison,
 * and saving exports and reports. Every file is read and written in the {@link Workstation#background()}; each
 * action returns a future that completes once its result is published, so tests join it instead of sleeping.
 */
public final class ReviewViewModel {
    private final Workstation workstation;
    private final ReviewService service = new ReviewService();
    private final ZoneId zone;

    private final ObjectProperty<ReviewService.Review> review = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("No recording");
    private final ObservableList<HeaderFacts.Fact> facts = FXCollections.observableArrayList();
    private final ObservableList<ReviewService.Line> variables = FXCollections.observableArrayList();
    private final ObservableList<MagneticResults.Value> magnetic = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<RecordingLibrary.Entry> earlier = FXCollections.observableArrayList();
    private final ObservableList<ReviewService.Comparison> comparisons = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** The last action's outcome for the status line; {@link #messageIsError} says how to colour it. */
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty();
    /** Incremented by each load, so a slow earlier load never overwrites a later one. */
    private int generation;
    /** The load in progress, so coming back to the step while it runs does not read the file twice. */
    private Path loadingFile;
    private CompletableFuture<Void> loading = CompletableFuture.completedFuture(null);

    public ReviewViewModel(Workstation workstation) {
        this(workstation, ZoneId.systemDefault());
    }

    ReviewViewModel(Workstation workstation, ZoneId zone) {
        this.workstation = workstation;
        this.zone = zone;
    }

    public Workstation workstation() {
        return workstation;
    }

    /** Loads the workstation's recording when it is not the one shown (a new run finished, or none was loaded). */
    public CompletableFuture<Void> refresh() {
        Path file = workstation.recordingProperty().get();
        ReviewService.Review shown = review.get();
        if (file == null || (shown != null && shown.file().equals(file))) {
            return CompletableFuture.completedFuture(null);
        }
        if (file.equals(loadingFile) && !loading.isDone()) {
            return loading;
        }
        return load(file);
    }

    /** "Open recording…": reviews any recording or MEM file, and makes it the workstation's recording. */
    public CompletableFuture<Void> open(Path file) {
        workstation.recordingProperty().set(file);
        return load(file);
    }

    private CompletableFuture<Void> load(Path file) {
        int mine = ++generation;
        busy.set(true);
        message.set("Opening " + file.getFileName() + "\u2026");
        messageIsError.set(false);
        Path folder = workstation.options().recordingsFolder();
        loadingFile = file;
        loading = run(() -> {
            ReviewService.Review r = service.open(file);
            return new Loaded(r, r.isMagnetic() ? List.of() : service.earlier(r, folder));
        }, loaded -> {
            if (mine == generation) {
                show(loaded);
            }
        }, error -> {
            if (mine == generation) {
                clear();
                title.set(file.getFileName().toString());
                fail(error);
            }
        });
        return loading;
    }

    private record Loaded(ReviewService.Review review, List<RecordingLibrary.Entry> earlier) {
    }

    private void show(Loaded loaded) {
        ReviewService.Review r = loaded.review();
        comparisons.clear();
        title.set(r.header().subjectId());
        facts.setAll(HeaderFacts.of(r.header(), zone));
        variables.setAll(r.variables());
        magnetic.setAll(r.magnetic());
        notes.setAll(r.notes());
        earlier.setAll(loaded.earlier());
        message.set("");
        busy.set(false);
        // last: listeners of the review read the lists above, which must already be this recording's
        review.set(r);
    }

    private void clear() {
        review.set(null);
        facts.clear();
        variables.clear();
        magnetic.clear();
        notes.clear();
        earlier.clear();
        comparisons.clear();
    }

    /** Sets the chosen earlier recordings beside this one (an empty list ends the comparison). */
    public CompletableFuture<Void> compareWith(List<RecordingLibrary.Entry> chosen) {
        ReviewService.Review r = review.get();
        if (r == null || chosen.isEmpty()) {
            comparisons.clear();
            return CompletableFuture.completedFuture(null);
        }
        int mine = generation;
        busy.set(true);
        return run(() -> {
            List<ReviewService.Comparison> out = new ArrayList<>();
            for (RecordingLibrary.Entry e : chosen) {
                out.add(service.compare(r, e));
            }
            return out;
        }, out -> {
            if (mine == generation) {
                comparisons.setAll(out);
                message.set("");
                busy.set(false);
            }
        }, this::fail);
    }

    /** A file name to offer in the save dialog: the recording's own name with the output's ending. */
    public String suggestedFileName(ReviewOutput output) {
        ReviewService.Review r = review.get();
        String name = r == null ? "recording" : r.file().getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base + (output == ReviewOutput.MEM ? "-excitrack" : "") + output.suffix();
    }

    /** Whether the recording shown can be exported and reported (a TMS recording has no excitability curves). */
    public boolean canSave() {
        ReviewService.Review r = review.get();
        return r != null && !r.isMagnetic();
    }

    /**
     * Saves the recording shown as {@code output} to {@code target}, replacing it if it exists (the save dialog has
     * asked). The services write through a temporary file moved into place, so a failure leaves no partial file.
     */
    public CompletableFuture<Void> save(ReviewOutput output, Path target) {
        ReviewService.Review r = review.get();
        if (r == null || !canSave()) {
            fail(new IllegalStateException("There is nothing to save as " + output.label() + "."));
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        message.set("Saving " + target.getFileName() + "\u2026");
        messageIsError.set(false);
        return run(() -> {
            if (output.isReport()) {
                new ReportService().writeOne(r.file(), ReportService.Format.valueOf(output.name()), target, true);
            } else {
                new ExportService().export(r.file(), ExportService.Target.valueOf(output.name()), Optional.of(target),
                        true);
            }
            return size(target);
        }, bytes -> {
            busy.set(false);
            messageIsError.set(false);
            message.set("Saved " + output.description() + " to " + target + " (" + kilobytes(bytes) + ").");
        }, this::fail);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String kilobytes(long bytes) {
        return bytes < 0 ? "size unknown" : bytes < 1024 ? bytes + " bytes" : (bytes + 512) / 1024 + " kB";
    }

    private void fail(Throwable error) {
        busy.set(false);
        messageIsError.set(true);
        String text = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        message.set(text);
    }

    /** Background work whose future completes after its outcome is published on the UI thread. */
    private <T> CompletableFuture<Void> run(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        return workstation.background().show(work, done, failed);
    }

    public ObjectProperty<ReviewService.Review> reviewProperty() {
        return review;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ObservableList<HeaderFacts.Fact> facts() {
        return facts;
    }

    public ObservableList<ReviewService.Line> variables() {
        return variables;
    }

    public ObservableList<MagneticResults.Value> magnetic() {
        return magnetic;
    }

    public ObservableList<String> notes() {
        return notes;
    }

    public ObservableList<RecordingLibrary.Entry> earlier() {
        return earlier;
    }

    public ObservableList<ReviewService.Comparison> comparisons() {
        return comparisons;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty messageIsErrorProperty() {
        return messageIsError;
    }
}
