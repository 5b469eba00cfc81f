package org.excitrack.service;

/** The measurement ran, but the subject's responses did not allow a result (no response, no plateau). */
public final class MeasurementFailedException extends RuntimeException {
    public MeasurementFailedException(String message) {
        super(message);
    }
}
