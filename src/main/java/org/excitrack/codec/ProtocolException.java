package org.excitrack.codec;

/** A frame that passed framing but is not a valid message: unknown type, bad version, malformed body. */
public class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }
}
