package org.excitrack.device;

/** The link to the device failed or was closed while a command was outstanding. */
public final class LinkLostException extends DeviceException {
    public LinkLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
