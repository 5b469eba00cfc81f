package org.excitrack.codec;

import java.util.Objects;

/** Unit → host, unsolicited (sequence number 0). */
public record Event(EventCode code, long unitTimeMicros, String detail) implements Message {
    public Event {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    public MessageType type() {
        return MessageType.EVENT;
    }
}
