package org.excitrack.framing;

/** A delimited frame whose COBS encoding is invalid, whose CRC does not match, or that is too short. */
public final class CorruptedFrameException extends FramingException {
    public CorruptedFrameException(String message, int discardedBytes) {
        super(message, discardedBytes);
    }
}
