package org.excitrack.sim.nerve;

import java.util.LinkedHashMap;
import java.util.Map;
import org.excitrack.analysis.ComputedVariables;
import org.excitrack.analysis.ExcitabilityVariables;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.StimulusResponseCurve;

/**
 * Healthy means ± SD of 193 median-nerve recordings (trondnf.md §4.2), by QtracP variable number: what the
 * default healthy subject must reproduce within one SD, whichever layer it runs on.
 */
final class NormativeTargets {
    record Target(double mean, double sd) {
        boolean holds(double value) {
            return Math.abs(value - mean) <= sd;
        }
    }

    static final Map<Integer, Target> HEALTHY = healthy();

    private NormativeTargets() {
    }

    private static Map<Integer, Target> healthy() {
        Map<Integer, Target> m = new LinkedHashMap<>();
        m.put(3, new Target(0.435, 0.099));
        m.put(12, new Target(67.0, 4.8));
        m.put(20, new Target(50.1, 4.6));
        m.put(21, new Target(44.1, 4.3));
        m.put(25, new Target(66.3, 4.6));
        m.put(26, new Target(22.2, 4.0));
        m.put(22, new Target(-74.2, 6.4));
        m.put(11, new Target(-119.2, 18.9));
        m.put(13, new Target(-24.4, 6.3));
        m.put(14, new Target(16.0, 5.2));
        m.put(10, new Target(2.97, 0.42));
        m.put(7, new Target(0.615, 0.093));
        m.put(8, new Target(0.243, 0.046));
        return m;
    }

    /** The QtracP variables of an axon's noise-free curves, at a nominal 4 mA resting threshold. */
    static ComputedVariables variablesOf(AxonExcitability axon) {
        ExcitabilityRecording r = AxonTruth.curves(axon, 4.0, StimulusResponseCurve.empty(), Map.of());
        return ExcitabilityVariables.compute(r);
    }
}
