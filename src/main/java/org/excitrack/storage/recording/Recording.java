package org.excitrack.storage.recording;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a recording file holds, as read by {@link RecordingFile#open}.
 *
 * @param schemaVersion the file's schema version
 * @param created when the file was created (UTC)
 * @param status recording, interrupted or finished
 * @param finished when it was finished, if it was
 * @param metadata application version, subject, operator, protocol, device
 * @param trials every committed trial, by trial id
 * @param events events in the order written
 * @param prompts prompts in the order written
 * @param thresholds thresholds by section, point, channel
 * @param variables variables by number
 * @param magnetic the stimulator, magnetic pulses and %MSO thresholds of a TMS recording
 */
public record Recording(int schemaVersion, Instant created, RecordingStatus status, Optional<Instant> finished,
                        RecordingMetadata metadata, List<TrialRecord> trials, List<RecordedEvent> events,
                        List<RecordedPrompt> prompts, List<ThresholdRecord> thresholds,
                        List<VariableRecord> variables, MagneticRecord magnetic) {
    public Recording {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(metadata, "metadata");
        trials = List.copyOf(trials);
        events = List.copyOf(events);
        prompts = List.copyOf(prompts);
        thresholds = List.copyOf(thresholds);
        variables = List.copyOf(variables);
        Objects.requireNonNull(magnetic, "magnetic");
    }
}
