package org.excitrack.storage.recording;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Writes the fixture of the current schema version; see {@link RecordingFixtureTest} for how it is run.
 * Deterministic apart from SQLite's page layout: fixed clock, {@link RecordingSamples} data. At schema 1 it wrote
 * the same trials without test stimuli and {@link #thresholds()} without inputs.
 */
public final class RecordingFixtureGenerator {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    static final int TRIALS = 8;

    private RecordingFixtureGenerator() {
    }

    public static void main(String[] args) {
        write(Path.of(args[0]));
    }

    static void write(Path file) {
        try (RecordingWriter w = RecordingFile.create(file, RecordingSamples.metadata(), CLOCK)) {
            w.appendEvent(events().get(0));
            for (long id = 0; id < TRIALS; id++) {
                w.appendTrial(RecordingSamples.trialWithStimulus(id));
            }
            w.appendPrompt(prompts().get(0));
            w.appendEvent(events().get(1));
            thresholdsWithInputs().forEach(w::recordThreshold);
            w.recordVariables(variables());
            w.finish();
        }
    }

    static List<RecordedEvent> events() {
        return List.of(new RecordedEvent(CLOCK.instant(), "section-start", "TE"),
                new RecordedEvent(CLOCK.instant().plusSeconds(60), "note", "subject moved; 32.5 °C"));
    }

    static List<RecordedPrompt> prompts() {
        return List.of(new RecordedPrompt(CLOCK.instant().plusSeconds(30), "Skin temperature (°C)?", "32.5"));
    }

    static List<ThresholdRecord> thresholds() {
        return List.of(new ThresholdRecord("TE", "TEd10", 0, 2_512_000.5, 12.25, 6),
                new ThresholdRecord("TE", "TEh10", 0, 3_104_000, Double.NaN, 4));
    }

    /** {@link #thresholds()} with what they were computed from (schema 2). */
    static List<ThresholdRecord> thresholdsWithInputs() {
        return List.of(new ThresholdRecord("TE", "TEd10", 0, 2_512_000.5, 12.25, 6,
                        Optional.of(RecordingSamples.inputs(0, 2, 4, 6))),
                new ThresholdRecord("TE", "TEh10", 0, 3_104_000, Double.NaN, 4,
                        Optional.of(RecordingSamples.inputsWithoutSlopePrior(7, 5))));
    }

    static List<VariableRecord> variables() {
        return List.of(new VariableRecord(1, "Stimulus (mA) for 50% max response", 2.51),
                new VariableRecord(2, "Strength-duration time constant (ms)", Double.NaN));
    }
}
