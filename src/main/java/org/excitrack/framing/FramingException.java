package org.excitrack.framing;

/** A run of bytes on the wire that could not be turned into a frame. The decoder has already resynchronised. */
public class FramingException extends RuntimeException {
    private final int discardedBytes;

    public FramingException(String message, int discardedBytes) {
        super(message);
        this.discardedBytes = discardedBytes;
    }

    /** How many bytes of input (including the delimiter) were dropped with this frame. */
    public int discardedBytes() {
        return discardedBytes;
    }
}
