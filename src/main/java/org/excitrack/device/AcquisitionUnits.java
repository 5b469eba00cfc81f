package org.excitrack.device;

import org.excitrack.transport.Link;
import org.excitrack.transport.Links;

/** Opens an acquisition unit by port URI (serial:…, sim:unit…, spy:…). */
public final class AcquisitionUnits {
    private AcquisitionUnits() {
    }

    /**
     * @throws org.excitrack.transport.PortUriException when the URI is malformed (a usage error)
     * @throws org.excitrack.transport.TransportException when the port cannot be opened
     * @throws DeviceException when the device does not answer as our unit
     */
    public static AcquisitionUnitClient open(String portUri, ClientTimeouts timeouts) {
        Link link = Links.open(portUri);
        return AcquisitionUnitClient.connect(link, timeouts);
    }

    public static AcquisitionUnitClient open(String portUri) {
        return open(portUri, ClientTimeouts.defaults());
    }
}
