package org.excitrack.sim;

import org.excitrack.transport.Link;
import org.excitrack.transport.LinkProvider;
import org.excitrack.transport.PipeLink;
import org.excitrack.transport.PortUri;
import org.excitrack.transport.PortUriException;
import org.excitrack.transport.VirtualTimeLink;

/**
 * {@code sim:unit?seed=7&threshold=4.2mA…}: a virtual acquisition unit in this process, reached over an
 * in-memory pipe that carries exactly the bytes a serial port would. Closing the link stops the unit.
 * {@code sim:magstim-bistim…} (and {@code magstim-200}, {@code magstim-rapid}): a virtual Magstim wired to the
 * unit opened last, see {@link StimulatorPorts}.
 */
public final class SimLinkProvider implements LinkProvider {
    /** {@code clock=virtual}: the unit runs in simulated time that the controller advances. */
    static final String CLOCK = "clock";

    @Override
    public String scheme() {
        return "sim";
    }

    @Override
    public Link open(PortUri uri) {
        if (StimulatorPorts.isMagstim(uri.path())) {
            return StimulatorPorts.open(uri);
        }
        if (uri.path().equals("magpro")) {
            return StimulatorPorts.openMagPro(uri);
        }
        if (!uri.path().equals("unit")) {
            throw new PortUriException("unknown simulated device '" + uri.path() + "' in " + uri
                    + "; this version simulates: unit (the acquisition unit), magstim-200, magstim-bistim, "
                    + "magstim-rapid, magpro (a magnetic stimulator wired to the unit)");
        }
        java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>(uri.parameters());
        String clock = parameters.remove(CLOCK);
        if (clock != null && !clock.equals("virtual") && !clock.equals("real")) {
            throw new PortUriException("simulator parameter clock=" + clock + ": expected real or virtual");
        }
        SimulatorConfig config;
        try {
            config = SimulatorConfig.fromParameters(parameters);
        } catch (IllegalArgumentException e) {
            throw new PortUriException(e.getMessage());
        }
        PipeLink[] ends = PipeLink.pair(uri.toString());
        if ("virtual".equals(clock)) {
            UnitServer server = UnitServer.startInVirtualTime(ends[1], config);
            return new ServedLink(new VirtualTimeLink(ends[0], server.clock().orElseThrow()), server);
        }
        return new ServedLink(ends[0], UnitServer.start(ends[1], config));
    }
}
