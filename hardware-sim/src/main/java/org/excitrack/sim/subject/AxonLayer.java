package org.excitrack.sim.subject;

import java.util.Locale;

/** Which model computes the axons' excitability. */
public enum AxonLayer {
    /** Closed-form factors: cheap, and every true value is a parameter. */
    PHENOMENOLOGICAL,
    /** A Bostock-type node and internode with ion channels, integrated in time. */
    BIOPHYSICAL;

    public static AxonLayer named(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (AxonLayer layer : values()) {
            if (layer.name().toLowerCase(Locale.ROOT).equals(t)) {
                return layer;
            }
        }
        throw new IllegalArgumentException("unknown layer '" + text + "'; expected phenomenological or biophysical");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
