package org.excitrack.tracking;

import java.util.Arrays;
import java.util.List;

/** Empirical quantiles for summarising simulated runs. */
final class Quantiles {
    private Quantiles() {
    }

    /** The value at fraction {@code q} of the sorted values (lower one, no interpolation); 1 gives the largest. */
    static double of(List<Double> values, double q) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[(int) Math.min(v.length - 1, Math.floor(q * v.length))];
    }
}
