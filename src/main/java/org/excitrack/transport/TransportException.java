package org.excitrack.transport;

/** A port that cannot be opened, read or written. The message names the port and the cause. */
public class TransportException extends RuntimeException {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
