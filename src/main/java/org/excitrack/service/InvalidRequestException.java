package org.excitrack.service;

/** The request itself is wrong (e.g. a malformed port URI): a usage error, not a failure of the world. */
public final class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
