package org.excitrack.storage.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.LongStream;

/** The released fixtures ({@code vN/recording-vN.excitrack}), and what every one of them holds. */
final class RecordingFixtures {
    private RecordingFixtures() {
    }

    /** A copy of the schema-{@code version} fixture in {@code dir}, to open or change. */
    static Path copy(int version, Path dir) throws IOException {
        String name = "recording-v" + version + ".excitrack";
        Path file = dir.resolve(name);
        try (InputStream in = RecordingFixtures.class.getResourceAsStream("v" + version + "/" + name)) {
            assertThat(in).as("fixture on the test classpath").isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    /**
     * What {@link RecordingFixtureGenerator} wrote: the same in every version but for the trials and thresholds,
     * which each version stores with what it knows.
     */
    static void assertWrittenByTheGenerator(Recording r, int version, LongFunction<TrialRecord> trial,
                                            List<ThresholdRecord> thresholds) {
        assertThat(r.schemaVersion()).isEqualTo(version);
        assertThat(r.status()).isEqualTo(RecordingStatus.FINISHED);
        assertThat(r.created()).isEqualTo(RecordingFixtureGenerator.CLOCK.instant());
        assertThat(r.finished()).contains(RecordingFixtureGenerator.CLOCK.instant());
        assertThat(r.metadata()).isEqualTo(RecordingSamples.metadata());
        assertThat(r.metadata().protocol().sha256())
                .isEqualTo("badfa081ec000bdfe314a8d8f5e7a28606f894dab486f89f63ca2a5ad75e73a9");
        assertThat(r.events()).containsExactlyElementsOf(RecordingFixtureGenerator.events());
        assertThat(r.prompts()).containsExactlyElementsOf(RecordingFixtureGenerator.prompts());
        assertThat(r.variables()).containsExactlyElementsOf(RecordingFixtureGenerator.variables());
        assertThat(r.trials()).containsExactlyElementsOf(LongStream.range(0, RecordingFixtureGenerator.TRIALS)
                .mapToObj(trial).toList());
        assertThat(r.thresholds()).containsExactlyElementsOf(thresholds);
    }
}
