package org.excitrack.gui.subject;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.excitrack.gui.common.Step;
import org.excitrack.gui.common.Workstation;
import org.excitrack.service.RecordingLibrary;
import org.excitrack.service.RunService;

/**
 * The Subject step's state and actions, testable without a stage: the subject's pseudonymous details with a
 * message beside each field, and the subject's earlier recordings, read in the background once typing pauses.
 */
public final class SubjectViewModel {
    /** Long enough to span a keystroke, short enough that the list follows the typing. */
    static final Duration TYPING_PAUSE = Duration.ofMillis(350);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Workstation workstation;
    private final Debounce debounce;
    private final StringProperty id = new SimpleStringProperty("");
    private final StringProperty age = new SimpleStringProperty("");
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>(Sex.NOT_RECORDED);
    private final StringProperty temperature = new SimpleStringProperty("");
    private final StringProperty sites = new SimpleStringProperty("");
    private final StringProperty group = new SimpleStringProperty("");
    private final ObservableList<PreviousRecording> history = FXCollections.observableArrayList();
    private final StringProperty historyMessage = new SimpleStringProperty("");
    private final ObjectProperty<PreviousRecording> selected = new SimpleObjectProperty<>();
    /** Counts history requests, so a slow read for an id typed earlier never overwrites a newer one. */
    private long historyRequest;
    private final BooleanBinding valid;
    /** Kept as fields: a binding nobody holds is collected, and its listeners with it. */
    private final ObjectBinding<Optional<FieldMessage>> idMessage;
    private final ObjectBinding<Optional<FieldMessage>> ageMessage;
    private final ObjectBinding<Optional<FieldMessage>> temperatureMessage;
    private final ObjectBinding<Optional<FieldMessage>> sitesMessage;
    private final ObjectBinding<Optional<FieldMessage>> groupMessage;
    private final StringBinding usedMessage;

    /** Sex as recorded with the subject; {@link #code()} is what the recording stores. */
    public enum Sex {
        NOT_RECORDED("not recorded", null), F("F", "F"), M("M", "M"), OTHER("other", "other");

        private final String label;
        private final String code;

        Sex(String label, String code) {
            this.label = label;
            this.code = code;
        }

        public String code() {
            return code;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One earlier recording as the list shows it. */
    public record PreviousRecording(Path file, String date, String protocol, String status, int trials) {
    }

    public SubjectViewModel(Workstation workstation) {
        this(workstation, new DelayedDebounce(TYPING_PAUSE, workstation.background().ui()));
    }

    SubjectViewModel(Workstation workstation, Debounce debounce) {
        this.workstation = workstation;
        this.debounce = debounce;
        this.valid = Bindings.createBooleanBinding(() -> allMessages().stream().noneMatch(FieldMessage::isError),
                id, age, temperature, sites, group);
        this.usedMessage = createUsedMessage();
        this.idMessage = Bindings.createObjectBinding(() -> SubjectFields.id(id.get()), id);
        this.ageMessage = Bindings.createObjectBinding(() -> SubjectFields.age(age.get()), age);
        this.temperatureMessage = Bindings.createObjectBinding(() -> SubjectFields.temperature(temperature.get()),
                temperature);
        this.sitesMessage = Bindings.createObjectBinding(() -> SubjectFields.text(sites.get()), sites);
        this.groupMessage = Bindings.createObjectBinding(() -> SubjectFields.text(group.get()), group);
        id.addListener((o, old, now) -> debounce.request(this::loadHistory));
    }

    public Workstation workstation() {
        return workstation;
    }

    /** Reads the subject's earlier recordings from the recordings folder, off the FX thread. */
    public CompletableFuture<Void> loadHistory() {
        long request = ++historyRequest;
        String subjectId = SubjectFields.trimmed(id.get());
        selected.set(null);
        if (subjectId.isEmpty()) {
            history.clear();
            historyMessage.set("Type an id to see the subject's earlier recordings.");
            return CompletableFuture.completedFuture(null);
        }
        historyMessage.set("Looking for recordings of " + subjectId + "…");
        Path folder = workstation.options().recordingsFolder();
        return workstation.background().show(() -> rows(new RecordingLibrary(folder).forSubject(subjectId)), rows -> {
            if (request == historyRequest) {
                history.setAll(rows);
                historyMessage.set(rows.isEmpty() ? "No earlier recordings of " + subjectId + " in " + folder + "."
                        : "");
            }
        }, error -> {
            if (request == historyRequest) {
                history.clear();
                historyMessage.set("Could not read " + folder + ": " + error.getMessage());
            }
        });
    }

    private static List<PreviousRecording> rows(List<RecordingLibrary.Entry> entries) {
        return entries.stream().map(e -> new PreviousRecording(e.file(),
                e.created().map(t -> DATE.format(t.atZone(ZoneId.systemDefault()))).orElse("—"), e.protocol(),
                e.status(), e.trials())).toList();
    }

    /** The subject can be used when no field's message is an error (warnings only ask for a second look). */
    public BooleanBinding valid() {
        return valid;
    }

    private List<FieldMessage> allMessages() {
        return List.of(SubjectFields.id(id.get()), SubjectFields.age(age.get()),
                SubjectFields.temperature(temperature.get()), SubjectFields.text(sites.get()),
                SubjectFields.text(group.get())).stream().flatMap(Optional::stream).toList();
    }

    /** The subject as typed, or empty while a field has an error. */
    public Optional<RunService.Subject> subject() {
        if (allMessages().stream().anyMatch(FieldMessage::isError)) {
            return Optional.empty();
        }
        return Optional.of(new RunService.Subject(SubjectFields.trimmed(id.get()), SubjectFields.parseAge(age.get()),
                sex.get().code(), SubjectFields.parseCelsius(temperature.get()), blankToNull(sites.get()),
                blankToNull(group.get())));
    }

    /** Makes the typed subject the session's subject; returns whether it could. */
    public boolean useSubject() {
        Optional<RunService.Subject> s = subject();
        s.ifPresent(workstation.subjectProperty()::set);
        return s.isPresent();
    }

    /** Opens the selected earlier recording on the Review step. */
    public boolean review() {
        PreviousRecording r = selected.get();
        if (r == null || workstation.runningProperty().get()) {
            return false;
        }
        workstation.recordingProperty().set(r.file());
        workstation.stepProperty().set(Step.REVIEW);
        return true;
    }

    /** Whether the session's subject is what the form shows, differs from it, or is not set yet. */
    public StringBinding usedMessage() {
        return usedMessage;
    }

    private StringBinding createUsedMessage() {
        return Bindings.createStringBinding(() -> {
            RunService.Subject used = workstation.subjectProperty().get();
            if (used == null) {
                return "";
            }
            return subject().filter(used::equals).isPresent() ? "✓ " + used.pseudonymousId()
                    + " is this session's subject." : "The session's subject is " + used.pseudonymousId()
                    + "; press Use this subject to apply the changes.";
        }, workstation.subjectProperty(), id, age, sex, temperature, sites, group);
    }

    private static String blankToNull(String text) {
        String t = SubjectFields.trimmed(text);
        return t.isEmpty() ? null : t;
    }

    public ObjectBinding<Optional<FieldMessage>> idMessage() {
        return idMessage;
    }

    public ObjectBinding<Optional<FieldMessage>> ageMessage() {
        return ageMessage;
    }

    public ObjectBinding<Optional<FieldMessage>> temperatureMessage() {
        return temperatureMessage;
    }

    public ObjectBinding<Optional<FieldMessage>> sitesMessage() {
        return sitesMessage;
    }

    public ObjectBinding<Optional<FieldMessage>> groupMessage() {
        return groupMessage;
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty ageProperty() {
        return age;
    }

    public ObjectProperty<Sex> sexProperty() {
        return sex;
    }

    public StringProperty temperatureProperty() {
        return temperature;
    }

    public StringProperty sitesProperty() {
        return sites;
    }

    public StringProperty groupProperty() {
        return group;
    }

    public ObservableList<PreviousRecording> history() {
        return history;
    }

    public ReadOnlyStringProperty historyMessageProperty() {
        return historyMessage;
    }

    public ObjectProperty<PreviousRecording> selectedProperty() {
        return selected;
    }
}
