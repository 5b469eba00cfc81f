package org.excitrack.sim.nerve;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** A full, immutable set of phenomenological axon parameters. */
public record PhenomenologicalParameters(Map<PhenomenologicalParameter, Double> values) {

    public PhenomenologicalParameters {
        EnumMap<PhenomenologicalParameter, Double> copy = new EnumMap<>(PhenomenologicalParameter.class);
        copy.putAll(values);
        for (PhenomenologicalParameter p : PhenomenologicalParameter.values()) {
            Double v = copy.get(p);
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("phenomenological parameter " + p.key() + " is missing or not finite");
            }
        }
        if (copy.get(PhenomenologicalParameter.SDTC_MS) <= 0) {
            throw new IllegalArgumentException("phenomenological.sdtc_ms must be positive");
        }
        values = Collections.unmodifiableMap(copy);
    }

    public static PhenomenologicalParameters healthy() {
        EnumMap<PhenomenologicalParameter, Double> m = new EnumMap<>(PhenomenologicalParameter.class);
        for (PhenomenologicalParameter p : PhenomenologicalParameter.values()) {
            m.put(p, p.healthyValue());
        }
        return new PhenomenologicalParameters(m);
    }

    public double get(PhenomenologicalParameter p) {
        return values.get(p);
    }

    public PhenomenologicalParameters with(PhenomenologicalParameter p, double value) {
        EnumMap<PhenomenologicalParameter, Double> m = new EnumMap<>(values);
        m.put(p, value);
        return new PhenomenologicalParameters(m);
    }
}
