package org.excitrack.gui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.excitrack.gui.GuiOptions;
import org.excitrack.gui.common.Background;
import org.excitrack.gui.common.UiThread;
import org.excitrack.gui.common.Workstation;
import org.excitrack.service.ReviewService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Review step without a stage, on real recordings made by the simulator and on nerve-norms' MEM files. */
class ReviewViewModelTest {
    private static final ReviewRecordings RECORDINGS = ReviewRecordings.get();

    @TempDir
    Path out;
    private Workstation workstation;
    private ReviewViewModel model;

    @BeforeEach
    void setUp() {
        workstation = new Workstation(new GuiOptions(Optional.empty(), Optional.empty(), RECORDINGS.folder, true),
                new Background(UiThread.direct()));
        model = new ReviewViewModel(workstation, ZoneOffset.UTC);
    }

    @AfterEach
    void tearDown() {
        workstation.close();
    }

    @Test
    void theLastRunIsReviewedWithItsHeaderGroupedVariablesAndFigure() {
        workstation.recordingProperty().set(RECORDINGS.latest);

        model.refresh().join();

        assertThat(model.messageIsErrorProperty().get()).as(model.messageProperty().get()).isFalse();
        assertThat(model.titleProperty().get()).isEqualTo(ReviewRecordings.SUBJECT);
        assertThat(model.facts()).extracting(HeaderFacts.Fact::label)
                .contains("Age", "Sex", "Temperature", "Protocol", "Date", "Status", "Trials");
        assertThat(model.facts()).contains(new HeaderFacts.Fact("Status", "Finished"),
                new HeaderFacts.Fact("Protocol", "TRONDNF"), new HeaderFacts.Fact("Age", "42 y"));
        assertThat(model.variables()).extracting(ReviewService.Line::group).containsSubsequence(
                "Stimulus-response", "Charge-duration", "Threshold electrotonus", "Current-threshold (I/V)",
                "Recovery cycle");
        ReviewService.Line sdtc = line("3");
        assertThat(sdtc.unit()).isEqualTo("ms");
        assertThat(sdtc.name()).isEqualTo("Strength-duration time constant");
        assertThat(sdtc.normalMean().getAsDouble()).isBetween(0.35, 0.55);
        assertThat(sdtc.normalSd().getAsDouble()).isBetween(0.05, 0.15);
        assertThat(sdtc.z()).isPresent();
        assertThat(model.reviewProperty().get().figure()).isPresent();
        assertThat(model.notes()).isEmpty();
    }

    @Test
    void flaggedVariablesAreThoseBeyondTheNormalLimit() {
        model.open(RECORDINGS.latest).join();

        assertThat(model.variables()).filteredOn(l -> l.z().isPresent()).allSatisfy(l ->
                assertThat(l.flagged()).as(l.name()).isEqualTo(Math.abs(l.z().getAsDouble()) > 1.96));
        assertThat(model.variables()).as("the ALS preset leaves the healthy range somewhere")
                .anyMatch(ReviewService.Line::flagged);
    }

    @Test
    void earlierRecordingsOfTheSubjectAreOfferedAndComparedSideBySide() {
        model.open(RECORDINGS.latest).join();

        assertThat(model.earlier()).extracting(e -> e.file().getFileName().toString())
                .containsExactly("S01_TRONDNF_1.excitrack");
        model.compareWith(List.copyOf(model.earlier())).join();

        assertThat(model.comparisons()).hasSize(1);
        ReviewService.Comparison c = model.comparisons().get(0);
        ReviewService.Line sdtc = line("3");
        assertThat(c.changes().get(sdtc.key()).b()).isEqualTo(sdtc.value(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(c.changes().get(sdtc.key()).difference()).isNotZero();
        assertThat(c.earlierCurves().electrotonus()).isNotEmpty();

        model.compareWith(List.of()).join();
        assertThat(model.comparisons()).isEmpty();
    }

    @Test
    void anInterruptedRecordingKeepsItsTrialsAndSaysSo() {
        model.open(RECORDINGS.interrupted).join();

        assertThat(model.messageIsErrorProperty().get()).as(model.messageProperty().get()).isFalse();
        assertThat(model.facts()).contains(new HeaderFacts.Fact("Status", "Interrupted"));
        assertThat(model.facts()).filteredOn(f -> f.label().equals("Trials"))
                .singleElement().satisfies(f -> assertThat(Integer.parseInt(f.value())).isGreaterThanOrEqualTo(150));
        assertThat(model.notes()).singleElement().asString().startsWith("Interrupted after")
                .contains("what was measured");
        assertThat(model.reviewProperty().get().figure()).isPresent();
    }

    @Test
    void aTmsRecordingShowsItsMotorThresholdInPercentMso() {
        model.open(RECORDINGS.tms).join();

        assertThat(model.messageIsErrorProperty().get()).as(model.messageProperty().get()).isFalse();
        assertThat(model.reviewProperty().get().isMagnetic()).isTrue();
        assertThat(model.magnetic()).anySatisfy(v -> {
            // the method the run used is part of the name, as excitrack analyze prints it
            assertThat(v.name()).startsWith("RMT (").doesNotContain("not recorded");
            assertThat(v.point()).endsWith("stimuli");
            assertThat(v.unit()).isEqualTo("%MSO");
            assertThat(v.value()).isBetween(20.0, 90.0);
        });
        assertThat(model.variables()).isEmpty();
        assertThat(model.canSave()).isFalse();
    }

    @Test
    void anUnreadableFileSaysWhichAndWhy() throws Exception {
        Path broken = Files.writeString(out.resolve("broken.excitrack"), "not a database");

        model.open(broken).join();

        assertThat(model.messageIsErrorProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).startsWith("Cannot open broken.excitrack:");
        assertThat(model.reviewProperty().get()).isNull();
        assertThat(model.variables()).isEmpty();
    }

    @Test
    void aQtracMemFileIsReviewedToo() {
        model.open(ReviewRecordings.NERVE_NORMS.resolve("FESB70821A.MEM")).join();

        assertThat(model.messageIsErrorProperty().get()).as(model.messageProperty().get()).isFalse();
        assertThat(model.facts()).contains(new HeaderFacts.Fact("Status", "MEM file"));
        assertThat(line("3").value()).isCloseTo(0.287, org.assertj.core.api.Assertions.within(0.001));
    }

    @ParameterizedTest
    @EnumSource(ReviewOutput.class)
    void everyOutputIsSavedWhereChosenAndReported(ReviewOutput output) throws Exception {
        model.open(RECORDINGS.latest).join();
        Path target = out.resolve(model.suggestedFileName(output));

        model.save(output, target).join();

        assertThat(model.messageIsErrorProperty().get()).as(model.messageProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).startsWith("Saved ").contains(target.toString());
        assertThat(Files.size(target)).isGreaterThan(200);
        try (var files = Files.list(out)) {
            assertThat(files).as("no temporary file left beside it").containsExactly(target);
        }
    }

    @Test
    void aFailedSaveSaysWhyAndLeavesNothing() {
        model.open(RECORDINGS.latest).join();
        Path target = out.resolve("no-such-folder").resolve("x.csv");

        model.save(ReviewOutput.CSV, target).join();

        assertThat(model.messageIsErrorProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("no-such-folder");
        assertThat(target.getParent()).doesNotExist();
    }

    @Test
    void suggestedNamesFollowTheRecording() {
        model.open(RECORDINGS.latest).join();

        assertThat(model.suggestedFileName(ReviewOutput.CSV)).isEqualTo("S01_TRONDNF_2.csv");
        assertThat(model.suggestedFileName(ReviewOutput.MEM)).isEqualTo("S01_TRONDNF_2-excitrack.MEM");
        assertThat(model.suggestedFileName(ReviewOutput.PDF)).isEqualTo("S01_TRONDNF_2.pdf");
    }

    private ReviewService.Line line(String number) {
        return model.variables().stream().filter(l -> l.number().equals(number)).findFirst().orElseThrow();
    }
}
