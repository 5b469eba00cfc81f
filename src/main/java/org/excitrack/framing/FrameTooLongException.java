package org.excitrack.framing;

/** More bytes arrived without a delimiter than the largest legal frame; they were dropped up to the next 0x00. */
public final class FrameTooLongException extends FramingException {
    public FrameTooLongException(String message, int discardedBytes) {
        super(message, discardedBytes);
    }
}
