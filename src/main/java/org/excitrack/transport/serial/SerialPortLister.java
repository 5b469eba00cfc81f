package org.excitrack.transport.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.excitrack.model.PortInfo;
import org.excitrack.transport.PortLister;

/** The serial ports the operating system reports, USB adapters with their vendor and product ids. */
public final class SerialPortLister implements PortLister {
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    @Override
    public List<PortInfo> list() {
        List<PortInfo> ports = new ArrayList<>();
        for (SerialPort port : SerialPort.getCommPorts()) {
            ports.add(new PortInfo("serial:" + uriPath(port), description(port), usbIds(port), false));
        }
        return ports;
    }

    /** {@code COM3} rather than {@code \\.\COM3} on Windows: what users see in Device Manager. */
    private static String uriPath(SerialPort port) {
        return WINDOWS ? port.getSystemPortName() : port.getSystemPortPath();
    }

    private static String description(SerialPort port) {
        String name = port.getDescriptivePortName();
        String detail = port.getPortDescription();
        if (detail == null || detail.isBlank() || name.contains(detail)) {
            return name;
        }
        return name + " - " + detail;
    }

    private static Optional<String> usbIds(SerialPort port) {
        int vendor = port.getVendorID();
        int product = port.getProductID();
        if (vendor < 0 || product < 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%04x:%04x", vendor, product));
    }
}
