package org.excitrack.device;

/**
 * A device that could not do what was asked. Messages name the device, the command and, when the unit
 * answered, its error code, e.g. {@code Unit SIM-00001 on sim:unit refused TRIAL #12: LIMIT_EXCEEDED (0x0020) …}.
 */
public class DeviceException extends RuntimeException {
    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
