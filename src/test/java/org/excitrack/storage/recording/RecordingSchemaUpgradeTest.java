package org.excitrack.storage.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files of an older schema: read through an upgraded copy in memory, upgraded in place only when resumed. */
class RecordingSchemaUpgradeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void readingASchema1FileLeavesItByteForByteAsItWas() throws IOException {
        Path file = RecordingFixtures.copy(1, dir);
        byte[] before = Files.readAllBytes(file);

        Recording r = RecordingFile.open(file);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(r.schemaVersion()).as("the file's own version").isEqualTo(1);
        assertThat(r.trials()).allSatisfy(t -> assertThat(t.testStimulusNanoamps()).isEmpty());
        assertThat(r.thresholds()).allSatisfy(t -> assertThat(t.inputs()).isEmpty());
    }

    @Test
    void resumingASchema1FileUpgradesItInPlaceAndSaysSo() throws IOException, SQLException {
        Path file = RecordingFixtures.copy(1, dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE meta SET status = 'interrupted', finished_utc = NULL");
        }

        try (RecordingWriter w = RecordingFile.resume(file, CLOCK)) {
            w.appendTrial(RecordingSamples.trialWithStimulus(8));
            w.recordThreshold(new ThresholdRecord("TE", "TEd8", 0, 2_600_000, 11, 1,
                    Optional.of(RecordingSamples.inputs(8))));
            w.finish();
        }

        Recording r = RecordingFile.open(file);
        assertThat(r.schemaVersion()).isEqualTo(4);
        List<TrialRecord> trials = new ArrayList<>(LongStream.range(0, 8).mapToObj(RecordingSamples::trial).toList());
        trials.add(RecordingSamples.trialWithStimulus(8));
        assertThat(r.trials()).containsExactlyElementsOf(trials);
        List<ThresholdRecord> thresholds = new ArrayList<>(RecordingFixtureGenerator.thresholds());
        thresholds.add(1, new ThresholdRecord("TE", "TEd8", 0, 2_600_000, 11, 1,
                Optional.of(RecordingSamples.inputs(8)))); // by section, point, channel
        assertThat(r.thresholds()).containsExactlyElementsOf(thresholds);
        assertThat(r.events()).endsWith(new RecordedEvent(CLOCK.instant(), "schema", "upgraded from schema 1 to 4"),
                new RecordedEvent(CLOCK.instant(), "resume", "status was interrupted; last trial 7"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            assertThat(query(st, "PRAGMA user_version")).isEqualTo("4");
            assertThat(query(st, "SELECT schema_version FROM meta")).isEqualTo("4");
            assertThat(query(st, "SELECT count(*) FROM silent_period")).isEqualTo("0");
        }
    }

    private static String query(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.getString(1);
        }
    }
}
