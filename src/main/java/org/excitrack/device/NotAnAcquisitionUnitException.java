package org.excitrack.device;

/** The port answered, but not as an Excitrack acquisition unit (wrong device, loopback, terminal). */
public final class NotAnAcquisitionUnitException extends DeviceException {
    public NotAnAcquisitionUnitException(String message) {
        super(message);
    }
}
