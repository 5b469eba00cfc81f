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
 * The released schema-1 fixture {@code v1/recording-v1.excitrack} must open, forever.
 *
 * <p>How it was produced (2026-11-22, Excitrack 0.1.0-SNAPSHOT, sqlite-jdbc 3.53.4.0), from the project root after
 * {@code mvn test-compile}:
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.excitrack.storage.recording.RecordingFixtureGenerator \
 *     src/test/resources/org/excitrack/storage/recording/v1/recording-v1.excitrack
 * </pre>
 * {@link RecordingFixtureGenerator} (as it was at schema 1; it now writes the current schema) writes it with a fixed
 * clock and {@link RecordingSamples}' data, then finishes it. Never regenerate a released fixture: schema 2 has its
 * own in {@code v2/} ({@link RecordingV2FixtureTest}); this one stays. It is read through a copy upgraded in memory,
 * so its trials carry no test stimuli and its thresholds no inputs.
 */
class RecordingV1FixtureTest {
    @TempDir
    Path dir;

    @Test
    void theV1FixtureStillOpens() throws IOException {
        Path file = dir.resolve("recording-v1.excitrack");
        try (InputStream in = getClass().getResourceAsStream("v1/recording-v1.excitrack")) {
            assertThat(in).as("fixture on the test classpath").isNotNull();
            Files.copy(in, file);
        }

        Recording r = RecordingFile.open(file);

        assertThat(r.schemaVersion()).isEqualTo(1);
        assertThat(r.status()).isEqualTo(RecordingStatus.FINISHED);
        assertThat(r.created()).isEqualTo(RecordingFixtureGenerator.CLOCK.instant());
        assertThat(r.finished()).contains(RecordingFixtureGenerator.CLOCK.instant());
        assertThat(r.metadata()).isEqualTo(RecordingSamples.metadata());
        assertThat(r.metadata().protocol().sha256())
                .isEqualTo("badfa081ec000bdfe314a8d8f5e7a28606f894dab486f89f63ca2a5ad75e73a9");
        assertThat(r.trials()).containsExactlyElementsOf(LongStream.range(0, RecordingFixtureGenerator.TRIALS)
                .mapToObj(RecordingSamples::trial).toList());
        assertThat(r.events()).containsExactlyElementsOf(RecordingFixtureGenerator.events());
        assertThat(r.prompts()).containsExactlyElementsOf(RecordingFixtureGenerator.prompts());
        assertThat(r.thresholds()).containsExactlyElementsOf(RecordingFixtureGenerator.thresholds());
        assertThat(r.variables()).containsExactlyElementsOf(RecordingFixtureGenerator.variables());
    }
}
