package org.excitrack.sim.subject;

import org.excitrack.sim.cortex.Cortex;
import org.excitrack.sim.cortex.CortexParameters;
import org.excitrack.sim.nerve.AxonExcitability;
import org.excitrack.sim.nerve.MotorUnitPool;
import org.excitrack.sim.nerve.PhenomenologicalAxon;
import org.excitrack.sim.nerve.axon.AxonParameters;
import org.excitrack.sim.nerve.axon.BiophysicalAxon;

/** Builds virtual subjects from presets: the one place that knows every layer's parameter names. */
public final class VirtualSubjects {
    /** Decorrelates the population's draws from the unit's trial-to-trial randomness, which share the seed. */
    private static final long POPULATION_SEED_MIX = 0x9E3779B97F4A7C15L;

    private VirtualSubjects() {
    }

    public static VirtualSubject create(SubjectPreset preset, long seed) {
        AxonExcitability axon = axon(preset);
        MotorUnitPool pool = new MotorUnitPool(axon, preset.population(), seed * POPULATION_SEED_MIX + 1);
        return new VirtualSubject(preset, pool, new Cortex(cortex(preset)), seed);
    }

    /** {@code cortex.base} picks the starting set (healthy, als, older-healthy); other lines change it. */
    static CortexParameters cortex(SubjectPreset preset) {
        CortexParameters p = CortexParameters.healthy();
        for (PresetLine line : preset.cortex()) {
            String name = line.key().substring("cortex.".length());
            try {
                if (name.equals("base")) {
                    p = cortexBase(line);
                } else {
                    p = p.with(name, line.number(p.value(name)));
                }
            } catch (PresetException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw line.error(e.getMessage());
            }
        }
        return p;
    }

    private static CortexParameters cortexBase(PresetLine line) {
        switch (line.value().strip()) {
            case "healthy":
                return CortexParameters.healthy();
            case "als":
                return CortexParameters.als();
            case "older-healthy":
                return CortexParameters.olderHealthy();
            default:
                throw line.error("expected healthy, als or older-healthy");
        }
    }

    /** The calibrated healthy axon with the preset's {@code biophysical.*} lines applied in order. */
    static AxonParameters biophysical(SubjectPreset preset) {
        AxonParameters p = AxonParameters.healthy();
        for (PresetLine line : preset.biophysical()) {
            String name = line.key().substring("biophysical.".length());
            try {
                p = p.with(name, line.number(p.value(name)));
            } catch (PresetException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw line.error(e.getMessage());
            }
        }
        return p;
    }

    private static AxonExcitability axon(SubjectPreset preset) {
        switch (preset.layer()) {
            case PHENOMENOLOGICAL:
                return new PhenomenologicalAxon(preset.phenomenological());
            case BIOPHYSICAL:
            default:
                return new BiophysicalAxon(biophysical(preset));
        }
    }
}
