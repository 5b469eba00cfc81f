package org.excitrack.gui.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.excitrack.gui.GuiOptions;
import org.excitrack.gui.common.Background;
import org.excitrack.gui.common.Step;
import org.excitrack.gui.common.UiThread;
import org.excitrack.gui.common.Workstation;
import org.excitrack.service.RunService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectViewModelTest {
    @TempDir
    Path recordings;
    private Workstation workstation;
    private final List<Runnable> waiting = new ArrayList<>();
    private SubjectViewModel model;

    @BeforeEach
    void open() {
        workstation = new Workstation(new GuiOptions(Optional.empty(), Optional.empty(), recordings, false),
                new Background(UiThread.direct()));
        model = new SubjectViewModel(workstation, action -> {
            waiting.clear();
            waiting.add(action);
        });
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "S-014              | -       | -",
        "P01                | -       | -",
        "ALS 7              | -       | -",
        "''                 | ERROR   | Required: the subject's pseudonymous id from the study log.",
        "'   '              | ERROR   | Required: the subject's pseudonymous id from the study log.",
        "John Smith         | WARNING | This looks like a person's name. Recordings keep only a pseudonymous id, e.g. S-014.",
        "Anne-Marie O'Neil  | WARNING | This looks like a person's name. Recordings keep only a pseudonymous id, e.g. S-014.",
        "'Smith, John'      | WARNING | This looks like a person's name. Recordings keep only a pseudonymous id, e.g. S-014.",
        "Émile Zola         | WARNING | This looks like a person's name. Recordings keep only a pseudonymous id, e.g. S-014.",
        "Smith              | -       | -",
        "0123456789012345678901234567890123456789X | ERROR | At most 40 characters."})
    void theIdIsRequiredAndNeverAName(String id, FieldMessage.Severity severity, String text) {
        assertThat(SubjectFields.id(id)).isEqualTo(message(severity, text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "''    | -",
        "0     | -",
        "58    | -",
        "120   | -",
        "121   | Age in whole years, 0 to 120.",
        "-1    | Age in whole years, 0 to 120.",
        "58.5  | Age in whole years, 0 to 120.",
        "old   | Age in whole years, 0 to 120."})
    void theAgeIsWholeYearsUpTo120(String age, String error) {
        assertThat(SubjectFields.age(age)).isEqualTo(message(error == null ? null : FieldMessage.Severity.ERROR, error));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "33      | -       | -",
        "32      | -       | -",
        "'33,5'  | -       | -",
        "34 °C   | -       | -",
        "31.9    | WARNING | Below 32 °C: warm the limb first; excitability depends on temperature.",
        "''      | WARNING | Not recorded yet: nerve protocols ask for it before the first stimulus.",
        "19      | ERROR   | Skin temperature is between 20 and 42 °C; check the reading.",
        "45      | ERROR   | Skin temperature is between 20 and 42 °C; check the reading.",
        "warm    | ERROR   | A temperature in °C, e.g. 33.5."})
    void skinTemperatureBelow32IsAWarning(String temperature, FieldMessage.Severity severity, String text) {
        assertThat(SubjectFields.temperature(temperature)).isEqualTo(message(severity, text));
    }

    private static Optional<FieldMessage> message(FieldMessage.Severity severity, String text) {
        return severity == null ? Optional.empty() : Optional.of(new FieldMessage(severity, text));
    }

    @Test
    void aValidSubjectBecomesTheSessionsSubject() {
        model.idProperty().set("  S-014 ");
        model.ageProperty().set("58");
        model.sexProperty().set(SubjectViewModel.Sex.F);
        model.temperatureProperty().set("33,5");
        model.sitesProperty().set("median wrist / APB");
        assertThat(model.valid().get()).isTrue();
        assertThat(model.useSubject()).isTrue();
        assertThat(workstation.subjectProperty().get())
                .isEqualTo(new RunService.Subject("S-014", 58, "F", 33.5, "median wrist / APB", null));
        assertThat(model.usedMessage().get()).isEqualTo("✓ S-014 is this session's subject.");
        model.ageProperty().set("59");
        assertThat(model.usedMessage().get()).contains("press Use this subject");
    }

    @Test
    void warningsDoNotStopTheSubjectButErrorsDo() {
        model.idProperty().set("John Smith");
        model.temperatureProperty().set("30");
        assertThat(model.valid().get()).isTrue();
        model.ageProperty().set("130");
        assertThat(model.valid().get()).isFalse();
        assertThat(model.useSubject()).isFalse();
        assertThat(workstation.subjectProperty().get()).isNull();
    }

    @Test
    void notRecordedSexAndBlankFieldsAreStoredAsUnknown() {
        model.idProperty().set("S-1");
        model.useSubject();
        assertThat(workstation.subjectProperty().get()).isEqualTo(new RunService.Subject("S-1", null, null, null,
                null, null));
    }

    @Test
    void typingAsksForTheHistoryOnceThePauseComes() {
        SubjectRecordings.create(recordings, "S-014", "TRONDNF", Instant.parse("2026-01-10T09:00:00Z"), true);
        SubjectRecordings.create(recordings, "S-014", "TRONDNF-RC", Instant.parse("2026-03-02T09:00:00Z"), false);
        SubjectRecordings.create(recordings, "S-015", "TRONDNF", Instant.parse("2026-02-01T09:00:00Z"), true);
        for (String typed : List.of("S", "S-", "S-0", "S-01", "S-014")) {
            model.idProperty().set(typed);
        }
        assertThat(waiting).as("only the last request waits").hasSize(1);
        assertThat(model.history()).isEmpty();
        waiting.get(0).run();
        model.loadHistory().join();
        assertThat(model.history()).extracting(SubjectViewModel.PreviousRecording::protocol)
                .containsExactly("TRONDNF-RC", "TRONDNF");
        assertThat(model.history()).extracting(SubjectViewModel.PreviousRecording::status)
                .containsExactly("interrupted", "finished");
        assertThat(model.history().get(1).date()).startsWith("2026-01-10");
    }

    @Test
    void aSubjectWithoutRecordingsSaysSo() {
        model.idProperty().set("S-999");
        model.loadHistory().join();
        assertThat(model.history()).isEmpty();
        assertThat(model.historyMessageProperty().get()).startsWith("No earlier recordings of S-999");
    }

    @Test
    void reviewOpensTheSelectedRecordingOnTheReviewStep() {
        Path file = SubjectRecordings.create(recordings, "S-014", "TRONDNF", Instant.parse("2026-01-10T09:00:00Z"),
                true);
        model.idProperty().set("S-014");
        model.loadHistory().join();
        assertThat(model.review()).as("nothing selected").isFalse();
        model.selectedProperty().set(model.history().get(0));
        assertThat(model.review()).isTrue();
        assertThat(workstation.recordingProperty().get()).isEqualTo(file);
        assertThat(workstation.stepProperty().get()).isEqualTo(Step.REVIEW);
    }
}
