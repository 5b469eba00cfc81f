package org.excitrack.storage.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The released schema-2 fixture {@code v2/recording-v2.excitrack} must open, forever.
 *
 * <p>How it was produced (2026-11-22, Excitrack 0.1.0-SNAPSHOT, sqlite-jdbc 3.53.4.0), from the project root after
 * {@code mvn test-compile}:
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.excitrack.storage.recording.RecordingFixtureGenerator \
 *     src/test/resources/org/excitrack/storage/recording/v2/recording-v2.excitrack
 * </pre>
 * {@link RecordingFixtureGenerator} writes it with a fixed clock and {@link RecordingSamples}' data, then finishes it:
 * the schema-1 content plus each trial's test stimulus and what each threshold was computed from.
 * Never regenerate a released fixture: add {@code v3/} for schema 3 and keep this one.
 */
class RecordingV2FixtureTest {
    @TempDir
    Path dir;

    @Test
    void theV2FixtureStillOpens() throws IOException {
        Path file = dir.resolve("recording-v2.excitrack");
        try (InputStream in = getClass().getResourceAsStream("v2/recording-v2.excitrack")) {
            assertThat(in).as("fixture on the test classpath").isNotNull();
            Files.copy(in, file);
        }

        Recording r = RecordingFile.open(file);

        assertThat(r.schemaVersion()).isEqualTo(2);
        assertThat(r.status()).isEqualTo(RecordingStatus.FINISHED);
        assertThat(r.created()).isEqualTo(RecordingFixtureGenerator.CLOCK.instant());
        assertThat(r.finished()).contains(RecordingFixtureGenerator.CLOCK.instant());
        assertThat(r.metadata()).isEqualTo(RecordingSamples.metadata());
        assertThat(r.trials()).containsExactlyElementsOf(LongStream.range(0, RecordingFixtureGenerator.TRIALS)
                .mapToObj(RecordingSamples::trialWithStimulus).toList());
        assertThat(r.events()).containsExactlyElementsOf(RecordingFixtureGenerator.events());
        assertThat(r.prompts()).containsExactlyElementsOf(RecordingFixtureGenerator.prompts());
        assertThat(r.thresholds()).containsExactlyElementsOf(RecordingFixtureGenerator.thresholdsWithInputs());
        assertThat(r.variables()).containsExactlyElementsOf(RecordingFixtureGenerator.variables());
    }
}
