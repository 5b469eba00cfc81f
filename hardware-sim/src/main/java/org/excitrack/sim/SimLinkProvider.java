package org.excitrack.sim;

import org.excitrack.transport.Link;
import org.excitrack.transport.LinkProvider;
import org.excitrack.transport.PipeLink;
import org.excitrack.transport.PortUri;
import org.excitrack.transport.PortUriException;

/**
 * {@code sim:unit?seed=7&threshold=4.2mA…}: a virtual acquisition unit in this process, reached over an
 * in-memory pipe that carries exactly the bytes a serial port would. Closing the link stops the unit.
 */
public final class SimLinkProvider implements LinkProvider {
    @Override
    public String scheme() {
        return "sim";
    }

    @Override
    public Link open(PortUri uri) {
        if (!uri.path().equals("unit")) {
            throw new PortUriException("unknown simulated device '" + uri.path() + "' in " + uri
                    + "; this version simulates: unit (the acquisition unit)");
        }
        SimulatorConfig config;
        try {
            config = SimulatorConfig.fromParameters(uri.parameters());
        } catch (IllegalArgumentException e) {
            throw new PortUriException(e.getMessage());
        }
        PipeLink[] ends = PipeLink.pair(uri.toString());
        UnitServer.start(ends[1], config);
        return ends[0];
    }
}
