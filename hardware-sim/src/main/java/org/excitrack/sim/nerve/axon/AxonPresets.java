package org.excitrack.sim.nerve.axon;

import java.util.List;

/**
 * Disease and condition presets as parameter changes of an axon (sim-model.md §1.7). Each is a list of
 * {@link Change}s, so a preset file can say the same thing as {@code biophysical.<name> = value} or
 * {@code biophysical.<name> × factor} lines.
 */
public final class AxonPresets {
    /**
     * ALS, early (hyperexcitable): more persistent Na, less slow K in node and internode (the AHP K included).
     * Milder than the literature's ×2–3 / ×0.5 because this model, like most lumped models, then fires
     * spontaneously (sim-model.md §2.4).
     */
    public static final List<Change> ALS_EARLY = List.of(
            Change.times("persistentNaFraction", 1.4),
            Change.times("nodalSlowK_nS", 0.85),
            Change.times("internodalSlowK_nS", 0.85),
            Change.times("nodalAhpK_nS", 0.85));

    /**
     * ALS, late (surviving units): every ion channel reduced to 80 %, non-selectively (Howells et al. 2018 explain
     * 99 % of the ALS–control differences this way). Not stacked on the early-ALS changes, and not × 0.6: with
     * less than ≈ 75 % of the conductances this model answers the +40 % electrotonus current with a slow abortive
     * depolarization that inactivates Na (threshold reduction falling to ≈ 0 at 30–40 ms), which axons do not show.
     */
    public static final List<Change> CHANNEL_LOSS = List.of(
            Change.times("nodalNa_nS", 0.8),
            Change.times("nodalFastK_nS", 0.8),
            Change.times("nodalSlowK_nS", 0.8),
            Change.times("nodalAhpK_nS", 0.8),
            Change.times("nodalLeak_nS", 0.8),
            Change.times("internodalFastK_nS", 0.8),
            Change.times("internodalSlowK_nS", 0.8),
            Change.times("internodalAhpK_nS", 0.8),
            Change.times("hcn_nS", 0.8),
            Change.times("internodalLeak_nS", 0.8));

    /** Mexiletine: half the persistent Na fraction and a 7 % block of the Na conductance. */
    public static final List<Change> MEXILETINE = List.of(
            Change.times("persistentNaFraction", 0.5),
            Change.times("nodalNa_nS", 0.93));

    /** A cold limb: the axon at 29 °C instead of ≈ 33 °C skin temperature. */
    public static final List<Change> COLD_LIMB = List.of(Change.set("temperature_C", 29.0));

    private AxonPresets() {
    }

    /** One parameter change: set to a value, or multiply by a factor. */
    public record Change(String name, double number, boolean multiply) {
        public static Change times(String name, double factor) {
            return new Change(name, factor, true);
        }

        public static Change set(String name, double value) {
            return new Change(name, value, false);
        }

        public AxonParameters applyTo(AxonParameters p) {
            return multiply ? p.scaled(name, number) : p.with(name, number);
        }

        @Override
        public String toString() {
            return "biophysical." + name + (multiply ? " × " : " = ") + number;
        }
    }

    public static AxonParameters apply(AxonParameters p, List<Change> changes) {
        AxonParameters result = p;
        for (Change c : changes) {
            result = c.applyTo(result);
        }
        return result;
    }

    public static AxonParameters alsEarly(AxonParameters healthy) {
        return apply(healthy, ALS_EARLY);
    }

    public static AxonParameters alsLate(AxonParameters healthy) {
        return apply(healthy, CHANNEL_LOSS);
    }

    /** Mexiletine taken by a patient with early ALS. */
    public static AxonParameters mexiletineOnAlsEarly(AxonParameters healthy) {
        return apply(alsEarly(healthy), MEXILETINE);
    }

    public static AxonParameters coldLimb(AxonParameters healthy) {
        return apply(healthy, COLD_LIMB);
    }
}
