package org.excitrack.storage.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void everyKindOfDataRoundTrips() {
        Path file = dir.resolve("s01.excitrack");
        List<TrialRecord> trials = new ArrayList<>();
        List<RecordedEvent> events = List.of(new RecordedEvent(RecordingSamples.T0, "section-start", "TE"),
                new RecordedEvent(RecordingSamples.T0.plusSeconds(1), "note", "électrode déplacée, 20 °C"));
        List<RecordedPrompt> prompts = List.of(new RecordedPrompt(RecordingSamples.T0, "Skin temperature?", "32.5"),
                new RecordedPrompt(RecordingSamples.T0.plusSeconds(2), "Continue?", null));
        List<ThresholdRecord> thresholds = List.of(new ThresholdRecord("TE", "TEd10", 0, 2_512_000.5, 12.25, 6),
                new ThresholdRecord("TE", "TEh10", 1, 3_000_000, Double.NaN, 4));
        List<VariableRecord> variables = List.of(new VariableRecord(1, "Stimulus (mA) for 50% max response", 2.51),
                new VariableRecord(2, "Strength-duration time constant (ms)", Double.NaN));
        try (RecordingWriter w = RecordingFile.create(file, RecordingSamples.metadata(), CLOCK)) {
            for (long id = 0; id < 14; id++) {
                TrialRecord t = RecordingSamples.trial(id);
                trials.add(t);
                w.appendTrial(t);
            }
            events.forEach(w::appendEvent);
            prompts.forEach(w::appendPrompt);
            w.recordThreshold(new ThresholdRecord("TE", "TEd10", 0, 1.0, 1.0, 1)); // replaced below
            thresholds.forEach(w::recordThreshold);
            w.recordVariables(List.of(new VariableRecord(9, "replaced", 1)));
            w.recordVariables(variables);
            w.finish();
        }

        Recording r = RecordingFile.open(file);

        assertThat(r.schemaVersion()).isEqualTo(4);
        assertThat(r.created()).isEqualTo(CLOCK.instant());
        assertThat(r.status()).isEqualTo(RecordingStatus.FINISHED);
        assertThat(r.finished()).contains(CLOCK.instant());
        assertThat(r.metadata()).isEqualTo(RecordingSamples.metadata());
        assertThat(r.trials()).containsExactlyElementsOf(trials);
        assertThat(r.trials()).filteredOn(t -> t.response() == null).isNotEmpty();
        assertThat(r.events()).containsExactlyElementsOf(events);
        assertThat(r.prompts()).containsExactlyElementsOf(prompts);
        assertThat(r.thresholds()).containsExactlyElementsOf(thresholds);
        assertThat(r.variables()).containsExactlyElementsOf(variables);
    }

    @Test
    void testStimuliAndWhatEachThresholdWasComputedFromRoundTrip() throws SQLException {
        Path file = dir.resolve("inputs.excitrack");
        List<TrialRecord> trials = new ArrayList<>();
        List<ThresholdRecord> thresholds = List.of(
                new ThresholdRecord("TE", "TEd10", 0, 2_512_000.5, 12.25, 6,
                        Optional.of(RecordingSamples.inputs(2, 0, 1))),
                new ThresholdRecord("TE", "TEh10", 1, 3_000_000, Double.NaN, 4,
                        Optional.of(RecordingSamples.inputsWithoutSlopePrior(3))),
                new ThresholdRecord("TE", "TEh20", 1, 3_100_000, 20, 4));
        try (RecordingWriter w = RecordingFile.create(file, RecordingSamples.metadata(), CLOCK)) {
            for (long id = 0; id < 5; id++) {
                TrialRecord t = id == 4 ? RecordingSamples.trial(id) : RecordingSamples.trialWithStimulus(id);
                trials.add(t);
                w.appendTrial(t);
            }
            // recorded again: the threshold and its list of trials are replaced, not added to
            w.recordThreshold(new ThresholdRecord("TE", "TEd10", 0, 1, 1, 1,
                    Optional.of(RecordingSamples.inputs(4, 3, 2, 1))));
            thresholds.forEach(w::recordThreshold);
            w.finish();
        }

        Recording r = RecordingFile.open(file);

        assertThat(r.trials()).containsExactlyElementsOf(trials);
        assertThat(r.trials()).extracting(t -> t.testStimulusNanoamps().isPresent())
                .containsExactly(true, true, true, true, false);
        assertThat(r.thresholds()).containsExactlyElementsOf(thresholds);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            assertThat(query(st, "SELECT group_concat(trial_id) FROM (SELECT trial_id FROM threshold_trial "
                    + "WHERE point = 'TEd10' ORDER BY seq)")).isEqualTo("2,0,1");
            assertThat(query(st, "SELECT prior_slope_relative_sd IS NULL FROM threshold WHERE point = 'TEh10'"))
                    .as("no slope prior is stored as NULL").isEqualTo("1");
            assertThat(query(st, "SELECT count(*) FROM threshold WHERE tracker IS NULL")).isEqualTo("1");
        }
    }

    @Test
    void samplesAreLittleEndianInt16AndPragmasAreSet() throws SQLException {
        Path file = dir.resolve("le.excitrack");
        try (RecordingWriter w = RecordingFile.create(file, RecordingSamples.metadata())) {
            w.appendTrial(RecordingSamples.trial(0));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT samples FROM sweep WHERE trial_id = 0")) {
                byte[] blob = rs.getBytes(1);
                assertThat(blob).startsWith((byte) 0x00, (byte) 0x80, (byte) 0xFF, (byte) 0x7F);
            }
            assertThat(query(st, "PRAGMA application_id")).isEqualTo("1165513835"); // 0x4578546B, "ExTk"
            assertThat(query(st, "PRAGMA user_version")).isEqualTo("4");
            assertThat(query(st, "SELECT schema_version FROM meta")).isEqualTo("4");
            assertThat(query(st, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(query(st, "SELECT status FROM meta")).isEqualTo("interrupted");
        }
    }

    @Test
    void filesAreOwnerReadWriteOnly() throws IOException {
        Path file = dir.resolve("private.excitrack");
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Set<PosixFilePermission> ownerOnly = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (RecordingWriter w = RecordingFile.create(file, RecordingSamples.metadata())) {
            w.appendTrial(RecordingSamples.trial(0));
            Path wal = dir.resolve("private.excitrack-wal");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(ownerOnly);
            assertThat(wal).exists();
            assertThat(Files.getPosixFilePermissions(wal)).isEqualTo(ownerOnly);
            w.finish();
        }
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(ownerOnly);
    }

    @Test
    void finishLeavesOneSelfContainedFile() throws IOException {
        Path file = dir.resolve("done.excitrack");
        try (RecordingWriter w = RecordingFile.create(file, RecordingSamples.metadata())) {
            w.appendTrial(RecordingSamples.trial(0));
            w.finish();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void createRefusesAnExistingFileAndLeavesItAlone() throws IOException {
        Path file = dir.resolve("s01.excitrack");
        try (RecordingWriter w = RecordingFile.create(file, RecordingSamples.metadata())) {
            w.appendTrial(RecordingSamples.trial(0));
            w.finish();
        }
        assertUnchanged(file, f -> assertThatThrownBy(() -> RecordingFile.create(f, RecordingSamples.metadata()))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessage(f + " exists; recordings are never overwritten"));
    }

    @Test
    void createRefusesAnyExistingFileEvenIfNotARecording() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "keep me");
        assertUnchanged(file, f -> assertThatThrownBy(() -> RecordingFile.create(f, RecordingSamples.metadata()))
                .isInstanceOf(RecordingFormatException.class).hasMessageContaining("never overwritten"));
    }

    @Test
    void aFinishedRecordingIsNeverOpenedForWriting() throws IOException {
        Path file = dir.resolve("s01.excitrack");
        try (RecordingWriter w = RecordingFile.create(file, RecordingSamples.metadata())) {
            w.appendTrial(RecordingSamples.trial(0));
            w.finish();
        }
        assertUnchanged(file, f -> assertThatThrownBy(() -> RecordingFile.resume(f))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessage(f + " is finished; a finished recording is never opened for writing"));
    }

    @Test
    void aTextFileIsNotSqlite() throws IOException {
        Path file = dir.resolve("protocol.txt");
        Files.writeString(file, "SQLite is mentioned here but this is text\n".repeat(10));
        String message = file + " is not an Excitrack recording: not a SQLite database";
        assertUnchanged(file, f -> assertThatThrownBy(() -> RecordingFile.open(f))
                .isInstanceOf(RecordingFormatException.class).hasMessage(message));
        assertUnchanged(file, f -> assertThatThrownBy(() -> RecordingFile.resume(f))
                .isInstanceOf(RecordingFormatException.class).hasMessage(message));
    }

    @Test
    void anEmptyFileIsNotSqlite() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.excitrack"));
        assertUnchanged(file, f -> assertThatThrownBy(() -> RecordingFile.resume(f))
                .isInstanceOf(RecordingFormatException.class).hasMessageEndingWith("not a SQLite database"));
    }

    @Test
    void aSqliteFileOfAnotherApplicationIsNotOurs() throws IOException, SQLException {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE meta (status TEXT)");
            st.execute("INSERT INTO meta VALUES ('recording')");
        }
        String message = file + " is not an Excitrack recording: a SQLite database with application_id 0x00000000 "
                + "(Excitrack recordings have 0x4578546B)";
        assertUnchanged(file, f -> assertThatThrownBy(() -> RecordingFile.open(f))
                .isInstanceOf(RecordingFormatException.class).hasMessage(message));
        assertUnchanged(file, f -> assertThatThrownBy(() -> RecordingFile.resume(f))
                .isInstanceOf(RecordingFormatException.class).hasMessage(message));
    }

    @Test
    void silentPeriodsRoundTripFoundOrNot() throws IOException {
        Path file = dir.resolve("csp.excitrack");
        MagneticRecord.SilentPeriod found = MagneticRecord.SilentPeriod.found(0, 21_300, 48_000, 151_200, 84.5);
        MagneticRecord.SilentPeriod none = MagneticRecord.SilentPeriod.notFound(1);
        try (RecordingWriter w = RecordingFile.create(file, RecordingSamples.metadata())) {
            w.appendTrial(RecordingSamples.trial(0));
            w.appendTrial(RecordingSamples.trial(1));
            w.appendTrial(RecordingSamples.trial(2));
            w.recordSilentPeriod(found);
            w.recordSilentPeriod(none);
        }

        Recording r = RecordingFile.open(file);

        assertThat(r.magnetic().silentPeriods()).containsOnlyKeys(0L, 1L);
        assertThat(r.magnetic().silentPeriods().get(0L)).isEqualTo(found);
        assertThat(r.magnetic().silentPeriods().get(0L).durationFromMepOnsetMillis()).isCloseTo(129.9,
                org.assertj.core.data.Offset.offset(1e-9));
        MagneticRecord.SilentPeriod read = r.magnetic().silentPeriods().get(1L);
        assertThat(read.found()).isFalse();
        assertThat(read.suppressionOffsetMicros()).isNaN();
        assertThat(read.durationFromMepOnsetMillis()).isNaN();
    }

    @Test
    void aNewerSchemaIsRefusedForReadingAndWriting() throws IOException, SQLException {
        Path file = dir.resolve("future.excitrack");
        try (RecordingWriter w = RecordingFile.create(file, RecordingSamples.metadata())) {
            w.appendTrial(RecordingSamples.trial(0));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 5");
            st.execute("PRAGMA journal_mode = DELETE");
        }
        String message = file + " was written by a newer Excitrack (schema 5); this version reads schema 4";
        assertUnchanged(file, f -> assertThatThrownBy(() -> RecordingFile.open(f))
                .isInstanceOf(RecordingFormatException.class).hasMessage(message));
        assertUnchanged(file, f -> assertThatThrownBy(() -> RecordingFile.resume(f))
                .isInstanceOf(RecordingFormatException.class).hasMessage(message));
    }

    @Test
    void aMissingFileIsReportedByName() {
        Path file = dir.resolve("missing.excitrack");
        assertThatThrownBy(() -> RecordingFile.open(file)).isInstanceOf(RecordingFormatException.class)
                .hasMessage(file + " does not exist");
        assertThat(file).doesNotExist();
    }

    @Test
    void closingWithoutFinishingMarksInterruptedAndResumeContinues() {
        Path file = dir.resolve("s02.excitrack");
        try (RecordingWriter w = RecordingFile.create(file, RecordingSamples.metadata())) {
            assertThat(w.lastTrialId()).isEmpty();
            for (long id = 0; id < 3; id++) {
                w.appendTrial(RecordingSamples.trial(id));
            }
        }
        assertThat(RecordingFile.open(file).status()).isEqualTo(RecordingStatus.INTERRUPTED);

        try (RecordingWriter w = RecordingFile.resume(file, CLOCK)) {
            assertThat(w.lastTrialId()).hasValue(2);
            assertThat(RecordingFile.open(file).status()).isEqualTo(RecordingStatus.RECORDING);
            w.appendTrial(RecordingSamples.trial(3));
            assertThat(w.lastTrialId()).hasValue(3);
            w.finish();
        }
        Recording r = RecordingFile.open(file);
        assertThat(r.status()).isEqualTo(RecordingStatus.FINISHED);
        assertThat(r.trials()).extracting(TrialRecord::trialId).containsExactly(0L, 1L, 2L, 3L);
        assertThat(r.events()).containsExactly(
                new RecordedEvent(CLOCK.instant(), "resume", "status was interrupted; last trial 2"));
    }

    @Test
    void aDuplicateTrialIsRefusedAndTheFileKeepsTheFirst() {
        Path file = dir.resolve("dup.excitrack");
        try (RecordingWriter w = RecordingFile.create(file, RecordingSamples.metadata())) {
            w.appendTrial(RecordingSamples.trial(0));
            assertThatThrownBy(() -> w.appendTrial(RecordingSamples.trial(0)))
                    .isInstanceOf(RecordingException.class)
                    .hasMessageStartingWith(file + ": could not append trial 0");
            w.appendTrial(RecordingSamples.trial(1));
        }
        assertThat(RecordingFile.open(file).trials()).containsExactly(RecordingSamples.trial(0),
                RecordingSamples.trial(1));
    }

    @Test
    void aWriterIsUsableAfterItsFileIsReadConcurrently() {
        Path file = dir.resolve("live.excitrack");
        try (RecordingWriter w = RecordingFile.create(file, RecordingSamples.metadata())) {
            w.appendTrial(RecordingSamples.trial(0));
            assertThat(RecordingFile.open(file).trials()).hasSize(1);
            w.appendTrial(RecordingSamples.trial(1));
            assertThat(RecordingFile.open(file).trials()).hasSize(2);
            w.finish();
        }
    }

    private static String query(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.getString(1);
        }
    }

    /** Runs {@code action} and checks the file's bytes are exactly as before. */
    private static void assertUnchanged(Path file, Consumer<Path> action) throws IOException {
        byte[] before = Files.readAllBytes(file);
        action.accept(file);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void onlyOneWriterAtATimeWhileReadersStillRead() {
        Path file = dir.resolve("locked.excitrack");
        try (RecordingWriter first = RecordingFile.create(file, RecordingSamples.metadata(), CLOCK)) {
            first.appendTrial(RecordingSamples.trial(1));
            assertThatThrownBy(() -> RecordingFile.resume(file)).isInstanceOf(RecordingException.class)
                    .hasMessageContaining("is being written by another session");
            assertThat(RecordingFile.open(file).trials()).as("a reader is never locked out").hasSize(1);
        }
        try (RecordingWriter again = RecordingFile.resume(file)) {
            assertThat(again.lastTrialId()).hasValue(1);
        }
        assertThat(dir.resolve("locked.excitrack.lock")).as("the lock leaves nothing behind").doesNotExist();
    }
}
