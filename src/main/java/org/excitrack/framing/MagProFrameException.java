package org.excitrack.framing;

/** Bytes from a MagPro that did not form a frame, and why; the decoder has already resynchronised. */
public final class MagProFrameException extends FramingException {
    /** What was wrong, from the least to the most suspicious of the content. */
    public enum Problem {
        /** Bytes outside any frame, before a start byte. */
        GARBAGE,
        /** A start byte followed by a length of 0 or more than the decoder accepts. */
        BAD_LENGTH,
        /** The byte after the checksum is not 0xFF: a truncated frame, or a false start. */
        MISSING_END_BYTE,
        /** A well-formed frame whose checksum does not match its payload: corrupted on the way. */
        BAD_CRC
    }

    private final Problem problem;

    public MagProFrameException(Problem problem, String message, int discardedBytes) {
        super(message, discardedBytes);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
