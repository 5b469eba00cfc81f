package org.excitrack.device;

import java.util.LinkedHashMap;
import java.util.Map;
import org.excitrack.device.magstim.MagstimStimulator;
import org.excitrack.device.magstim.MagstimTimings;
import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.transport.Link;
import org.excitrack.transport.Links;
import org.excitrack.transport.PortUri;
import org.excitrack.transport.PortUriException;

/**
 * Opens a magnetic stimulator by port URI. The URI says which stimulator it is, since nothing on a serial line
 * says so by itself:
 * <ul>
 *   <li>{@code serial:/dev/ttyUSB0?device=magstim-bistim} (also {@code magstim-200}, {@code magstim-rapid},
 *       {@code magpro}); the rate is the model's own (9600 baud for a Magstim) unless {@code baud=} says otherwise;
 *   <li>{@code sim:magstim-bistim[?mode=…&fault=…]}: the simulator's stimulator, wired to the simulated unit
 *       opened before it;
 *   <li>{@code spy:…} around either, to hex-log the traffic.
 * </ul>
 */
public final class MagneticStimulators {
    /** The query parameter that names the stimulator on a serial port. */
    public static final String DEVICE = "device";

    private MagneticStimulators() {
    }

    /**
     * @throws PortUriException when the URI is malformed or does not name a stimulator (a usage error)
     * @throws org.excitrack.transport.TransportException when the port cannot be opened
     * @throws StimulatorException when the stimulator does not answer, or not as the one named
     */
    public static MagneticStimulator open(String uri, MagstimTimings timings) {
        return open(uri, timings, java.util.function.UnaryOperator.identity());
    }

    /**
     * @param adapt applied to the opened link before the driver sees it, e.g. to let the session's other watchdogs
     *     hear from it while the driver waits in virtual time
     */
    public static MagneticStimulator open(String uri, MagstimTimings timings,
                                          java.util.function.UnaryOperator<Link> adapt) {
        Target target = target(PortUri.parse(uri));
        if (target.model() == StimulatorModel.MAGPRO) {
            Link link = adapt.apply(Links.open(target.linkUri()));
            try {
                return org.excitrack.device.magventure.MagProStimulator.connect(link, uri);
            } catch (RuntimeException e) {
                link.close();
                throw e;
            }
        }
        Link link = adapt.apply(Links.open(target.linkUri()));
        try {
            return MagstimStimulator.connect(link, target.model(), timings);
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    public static MagneticStimulator open(String uri) {
        return open(uri, MagstimTimings.defaults());
    }

    /** Which stimulator a URI names, and the URI the transport opens (without {@code device=}, with the baud rate). */
    record Target(StimulatorModel model, PortUri linkUri) {
    }

    static Target target(PortUri uri) {
        if (uri.scheme().equals("spy")) {
            Target inner = target(uri.inner().orElseThrow());
            return new Target(inner.model(), new PortUri("spy", inner.linkUri().toString(), Map.of()));
        }
        if (uri.scheme().equals("sim")) {
            if (uri.parameters().containsKey(DEVICE)) {
                throw new PortUriException(uri + ": a simulated stimulator is named by its path (sim:magstim-bistim), "
                        + "not by device=");
            }
            return new Target(model(uri.path(), uri), uri);
        }
        String device = uri.parameter(DEVICE).orElseThrow(() -> new PortUriException(uri + " does not say which "
                + "stimulator is on it: add ?device=magstim-200, magstim-bistim, magstim-rapid or magpro, e.g. "
                + uri.scheme() + ":" + uri.path() + "?device=magstim-bistim"));
        StimulatorModel model = model(device, uri);
        Map<String, String> params = new LinkedHashMap<>(uri.parameters());
        params.remove(DEVICE);
        params.putIfAbsent("baud", String.valueOf(model.defaultBaud()));
        return new Target(model, new PortUri(uri.scheme(), uri.path(), params));
    }

    private static StimulatorModel model(String name, PortUri uri) {
        try {
            return StimulatorModel.fromUriName(name);
        } catch (IllegalArgumentException e) {
            throw new PortUriException(uri + ": " + e.getMessage()
                    + (name.equals("unit") ? " (sim:unit is the acquisition unit)" : ""));
        }
    }
}
