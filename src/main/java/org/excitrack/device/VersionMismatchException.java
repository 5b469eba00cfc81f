package org.excitrack.device;

/** The unit and this program share no protocol version. */
public final class VersionMismatchException extends DeviceException {
    public VersionMismatchException(String message) {
        super(message);
    }
}
