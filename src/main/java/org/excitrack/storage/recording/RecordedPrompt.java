package org.excitrack.storage.recording;

import java.time.Instant;
import java.util.Objects;

/**
 * A question the protocol put to the operator and the answer given.
 *
 * @param time host wall-clock time the prompt was answered
 * @param text the prompt as shown
 * @param answer the operator's answer, or {@code null} if dismissed
 */
public record RecordedPrompt(Instant time, String text, String answer) {
    public RecordedPrompt {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
    }
}
