package org.excitrack.sim.magstim;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.model.tms.TriggerWiring;

/**
 * How a virtual Magstim is built: which model, how a BiStim² answers the trigger lines, what a Rapid² reports as
 * its software, which of the unit's lines it listens to, and the faults it is told to show.
 *
 * @param faultAfterCommands the faults start once the stimulator has heard this many host messages (0: at once)
 * @param seed seed of the noise the {@code garbage} fault sends
 */
public record VirtualMagstimConfig(StimulatorModel model, BiStimTriggering triggering, String rapidSoftwareVersion,
                                   TriggerWiring wiring, Set<MagstimSimFault> faults, long faultAfterCommands,
                                   long seed) {
    /** The parameters {@link #fromParameters} accepts (besides the unit's {@code subject} and {@code seed}). */
    public static final Set<String> PARAMETERS = new LinkedHashSet<>(java.util.List.of("mode", "fault", "faultAfter"));
    /** A Rapid² before software 9, which needs no unlock code to accept remote control. */
    public static final String DEFAULT_RAPID_VERSION = "8.0.0";

    public VirtualMagstimConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(triggering, "triggering");
        Objects.requireNonNull(rapidSoftwareVersion, "rapidSoftwareVersion");
        Objects.requireNonNull(wiring, "wiring");
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        if (model == StimulatorModel.MAGPRO) {
            throw new IllegalArgumentException("a virtual Magstim cannot be a " + model.displayName());
        }
        if (faultAfterCommands < 0) {
            throw new IllegalArgumentException("faultAfter " + faultAfterCommands + " must not be negative");
        }
    }

    public static VirtualMagstimConfig of(StimulatorModel model) {
        return new VirtualMagstimConfig(model, BiStimTriggering.INDEPENDENT, DEFAULT_RAPID_VERSION,
                TriggerWiring.DEFAULT, Set.of(), 0, 1);
    }

    public VirtualMagstimConfig withTriggering(BiStimTriggering t) {
        return new VirtualMagstimConfig(model, t, rapidSoftwareVersion, wiring, faults, faultAfterCommands, seed);
    }

    public VirtualMagstimConfig withFaults(Set<MagstimSimFault> f, long afterCommands) {
        return new VirtualMagstimConfig(model, triggering, rapidSoftwareVersion, wiring, f, afterCommands, seed);
    }

    public VirtualMagstimConfig withSeed(long s) {
        return new VirtualMagstimConfig(model, triggering, rapidSoftwareVersion, wiring, faults, faultAfterCommands, s);
    }

    /**
     * {@code mode=independent|bistim} (BiStim² only; default independent), {@code fault=coil-hot,no-reply,…} and
     * {@code faultAfter=N} (host messages heard before the faults start; default 0).
     *
     * @throws IllegalArgumentException naming the parameter and what it accepts
     */
    public static VirtualMagstimConfig fromParameters(StimulatorModel model, Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("unknown simulated-Magstim parameter '" + name + "'; accepted: "
                        + String.join(", ", PARAMETERS) + " (and the unit's subject and seed)");
            }
        }
        VirtualMagstimConfig config = of(model);
        String mode = params.get("mode");
        if (mode != null) {
            if (model != StimulatorModel.MAGSTIM_BISTIM) {
                throw new IllegalArgumentException("mode=" + mode + " applies to magstim-bistim only");
            }
            if (mode.equals("independent")) {
                config = config.withTriggering(BiStimTriggering.INDEPENDENT);
            } else if (mode.equals("bistim")) {
                config = config.withTriggering(BiStimTriggering.BISTIM);
            } else {
                throw new IllegalArgumentException("mode=" + mode + ": expected independent or bistim");
            }
        }
        Set<MagstimSimFault> faults = EnumSet.noneOf(MagstimSimFault.class);
        String faultList = params.get("fault");
        if (faultList != null) {
            for (String name : faultList.split(",")) {
                faults.add(MagstimSimFault.fromUriName(name));
            }
        }
        long after = 0;
        if (params.containsKey("faultAfter")) {
            try {
                after = Long.parseLong(params.get("faultAfter").trim());
            } catch (NumberFormatException e) {
                after = -1;
            }
            if (after < 0) {
                throw new IllegalArgumentException("faultAfter=" + params.get("faultAfter")
                        + ": expected a whole number of host messages, e.g. faultAfter=10");
            }
        }
        return config.withFaults(faults, after);
    }
}
