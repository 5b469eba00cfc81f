package org.excitrack.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One port a user could connect to, as {@code excitrack ports} and the GUI's connect page show it.
 *
 * @param uri what to pass to {@code Links.open}, e.g. {@code serial:/dev/ttyUSB0}
 * @param description what the system calls the device, e.g. {@code FT232R USB UART}
 * @param usbVendorProduct for USB devices, vendor and product id as lower-case hex {@code "0403:6001"}, the
 *     form {@code lsusb} prints, so users can match a port to the device on their desk
 * @param simulated true for the hardware simulator, so nobody mistakes it for a patient-connected unit
 */
public record PortInfo(String uri, String description, Optional<String> usbVendorProduct, boolean simulated) {
    public PortInfo {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(usbVendorProduct, "usbVendorProduct");
    }
}
