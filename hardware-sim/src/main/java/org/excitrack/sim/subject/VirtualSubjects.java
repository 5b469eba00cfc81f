package org.excitrack.sim.subject;

import org.excitrack.sim.nerve.AxonExcitability;
import org.excitrack.sim.nerve.MotorUnitPool;
import org.excitrack.sim.nerve.PhenomenologicalAxon;

/** Builds virtual subjects from presets: the one place that knows every layer's parameter names. */
public final class VirtualSubjects {
    /** Decorrelates the population's draws from the unit's trial-to-trial randomness, which share the seed. */
    private static final long POPULATION_SEED_MIX = 0x9E3779B97F4A7C15L;

    private VirtualSubjects() {
    }

    public static VirtualSubject create(SubjectPreset preset, long seed) {
        AxonExcitability axon = axon(preset);
        MotorUnitPool pool = new MotorUnitPool(axon, preset.population(), seed * POPULATION_SEED_MIX + 1);
        return new VirtualSubject(preset, pool, seed);
    }

    private static AxonExcitability axon(SubjectPreset preset) {
        switch (preset.layer()) {
            case PHENOMENOLOGICAL:
                return new PhenomenologicalAxon(preset.phenomenological());
            case BIOPHYSICAL:
            default:
                throw new PresetException("the biophysical layer is not available in this build");
        }
    }
}
