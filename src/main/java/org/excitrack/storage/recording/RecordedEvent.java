package org.excitrack.storage.recording;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened during a recording: a reconnection, a limit hit, a section started, an operator note.
 *
 * @param time host wall-clock time
 * @param kind short machine-readable kind, e.g. "section-start", "reconnect", "note"
 * @param detail free text, may be empty
 */
public record RecordedEvent(Instant time, String kind, String detail) {
    public RecordedEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
