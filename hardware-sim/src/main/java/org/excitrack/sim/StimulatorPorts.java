package org.excitrack.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.sim.magstim.BiStimTriggering;
import org.excitrack.sim.magstim.MagstimServer;
import org.excitrack.sim.magstim.VirtualMagstimConfig;
import org.excitrack.transport.Link;
import org.excitrack.transport.PipeLink;
import org.excitrack.transport.PortUri;
import org.excitrack.transport.PortUriException;
import org.excitrack.transport.VirtualTimeLink;

/**
 * {@code sim:magstim-200|magstim-bistim|magstim-rapid[?subject=…&seed=…&mode=…&fault=…&faultAfter=…]}: a
 * virtual Magstim wired to the trigger outputs of the virtual unit opened most recently in this process, living in
 * that unit's time (a {@link VirtualTimeLink} when the unit runs in virtual time), so its pulses produce MEPs in that
 * unit's sweeps. {@code subject} and {@code seed}, when given, must be the unit's: they say which unit is meant.
 */
final class StimulatorPorts {
    private StimulatorPorts() {
    }

    static boolean isMagstim(String path) {
        return path.startsWith("magstim-");
    }

    /**
     * {@code sim:magpro[?subject=…&seed=…&fault=…]}: a virtual MagPro wired, like a Magstim, to the unit opened last,
     * firing output A by trigger line 0 (and B after its own interval in Dual or Twin mode).
     */
    static Link openMagPro(PortUri uri) {
        Map<String, String> parameters = new LinkedHashMap<>(uri.parameters());
        UnitAttachment unit = attachedUnit(uri, parameters.remove("subject"), parameters.remove("seed"));
        PipeLink[] ends = PipeLink.pair(uri.toString());
        org.excitrack.sim.magventure.MagProServer server;
        try {
            server = org.excitrack.sim.magventure.MagProServer.serveOn(ends[1], unit.scheduler(), unit.unitThread(),
                    parameters);
        } catch (IllegalArgumentException e) {
            throw new PortUriException(e.getMessage() + " in " + uri);
        }
        unit.connect(server.device());
        unit.onClose(server::close);
        return unit.clock().<Link>map(clock -> new VirtualTimeLink(ends[0], clock)).orElse(ends[0]);
    }

    /** The unit a simulated stimulator wires to: the one opened last, which {@code subject}/{@code seed} must name. */
    private static UnitAttachment attachedUnit(PortUri uri, String subject, String seed) {
        UnitAttachment unit = SimulatedDevices.latestUnit().orElseThrow(() -> new PortUriException(uri
                + " is a simulated stimulator wired to a simulated acquisition unit, and no unit is open in this "
                + "process: open sim:unit… first (e.g. sim:unit?subject=healthy&seed=1&clock=virtual), then " + uri));
        if (subject != null && !subject.equals(unit.subjectName())) {
            throw new PortUriException(uri + " asks for subject " + subject + ", but the open simulated unit's "
                    + "subject is " + unit.subjectName() + ": the stimulator is wired to that unit");
        }
        if (seed != null && !seed.trim().equals(String.valueOf(unit.seed()))) {
            throw new PortUriException(uri + " asks for seed " + seed + ", but the open simulated unit's seed is "
                    + unit.seed() + ": the stimulator is wired to that unit");
        }
        return unit;
    }

    static Link open(PortUri uri) {
        StimulatorModel model;
        try {
            model = StimulatorModel.fromUriName(uri.path());
        } catch (IllegalArgumentException e) {
            throw new PortUriException("unknown simulated stimulator '" + uri.path() + "' in " + uri
                    + "; expected magstim-200, magstim-bistim or magstim-rapid");
        }
        Map<String, String> parameters = new LinkedHashMap<>(uri.parameters());
        String subject = parameters.remove("subject");
        String seed = parameters.remove("seed");
        VirtualMagstimConfig config;
        try {
            config = VirtualMagstimConfig.fromParameters(model, parameters);
        } catch (IllegalArgumentException e) {
            throw new PortUriException(e.getMessage() + " in " + uri);
        }
        UnitAttachment unit = attachedUnit(uri, subject, seed);
        PipeLink[] ends = PipeLink.pair(uri.toString());
        serve(ends[1], config, unit);
        return unit.clock().<Link>map(clock -> new VirtualTimeLink(ends[0], clock)).orElse(ends[0]);
    }

    /**
     * Serves a virtual Magstim on {@code deviceSide}, in {@code unit}'s time and wired to its trigger lines, until
     * the link or the unit closes.
     */
    static MagstimServer serve(Link deviceSide, VirtualMagstimConfig config, UnitAttachment unit) {
        MagstimServer server = MagstimServer.start(deviceSide, config.withSeed(unit.seed()), unit.scheduler(),
                unit.unitThread());
        unit.connect(server.magstim());
        unit.onClose(server::close);
        SimulatedDevices.magstimOpened(server);
        return server;
    }

    /** One line for people: what the simulated stimulator is and which of the unit's lines fire it. */
    static String describe(VirtualMagstimConfig config) {
        String name = "simulated " + config.model().displayName();
        if (config.model() != StimulatorModel.MAGSTIM_BISTIM) {
            return name + ", fired by the unit's trigger line " + config.wiring().outputALine();
        }
        return config.triggering() == BiStimTriggering.INDEPENDENT
                ? name + " in independent-trigger mode: line " + config.wiring().outputALine() + " fires A, line "
                        + config.wiring().outputBLine() + " fires B"
                : name + " in BiStim mode: line " + config.wiring().outputALine() + " fires A, then B after its "
                        + "own interval";
    }
}
