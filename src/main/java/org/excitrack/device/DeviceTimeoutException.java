package org.excitrack.device;

/** The device did not answer a command within its deadline, after every allowed attempt. */
public final class DeviceTimeoutException extends DeviceException {
    public DeviceTimeoutException(String message) {
        super(message);
    }
}
