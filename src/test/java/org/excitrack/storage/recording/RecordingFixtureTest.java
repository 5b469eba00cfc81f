package org.excitrack.storage.recording;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every released schema's fixture {@code vN/recording-vN.excitrack} must open, forever. Never regenerate a released
 * fixture: a new schema adds {@code vN/} and a test here, and the older ones stay.
 *
 * <p>How they were produced (Excitrack 0.1.0-SNAPSHOT, sqlite-jdbc 3.53.4.0), from the project root after
 * {@code mvn test-compile}, with N the schema version:
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.excitrack.storage.recording.RecordingFixtureGenerator \
 *     src/test/resources/org/excitrack/storage/recording/vN/recording-vN.excitrack
 * </pre>
 * {@link RecordingFixtureGenerator}, as it was at that schema (it writes the current one), writes a fixed clock's
 * recording of {@link RecordingSamples}' data and finishes it.
 */
class RecordingFixtureTest {
    @TempDir
    Path dir;

    /**
     * Schema 1, written 2026-11-22 (then in {@code RecordingV1FixtureTest}). Read through a copy upgraded in memory:
     * its trials carry no test stimuli and its thresholds no inputs.
     */
    @Test
    void theV1FixtureStillOpens() throws IOException {
        RecordingFixtures.assertWrittenByTheGenerator(RecordingFile.open(RecordingFixtures.copy(1, dir)), 1,
                RecordingSamples::trial, RecordingFixtureGenerator.thresholds());
    }

    /** Schema 2, written 2026-11-22: schema 1's data with each trial's test stimulus and each threshold's inputs. */
    @Test
    void theV2FixtureStillOpens() throws IOException {
        RecordingFixtures.assertWrittenByTheGenerator(RecordingFile.open(RecordingFixtures.copy(2, dir)), 2,
                RecordingSamples::trialWithStimulus, RecordingFixtureGenerator.thresholdsWithInputs());
    }
}
