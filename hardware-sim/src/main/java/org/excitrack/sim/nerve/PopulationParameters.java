package org.excitrack.sim.nerve;

/**
 * The motor units behind a CMAP (sim-model.md §3.6): how many, how their thresholds and sizes spread, and when
 * their potentials arrive at the muscle.
 *
 * @param unitCount motor units in the muscle (thenar ≈ 150)
 * @param medianThresholdMilliamps resting 1 ms threshold of the median unit at the stimulating electrode, mA
 * @param thresholdSpreadLog standard deviation of the units' log thresholds (0.10 puts I10/I50 near 0.88)
 * @param jitterPercent per-trial threshold jitter of each unit, relative SD, % (1.65 % in Sleutjes et al. 2021)
 * @param maximalCmapMillivolts negative-peak amplitude of the CMAP when every unit fires, mV
 * @param unitAmplitudeSpreadLog standard deviation of the units' log amplitudes (larger = a few giant units)
 * @param peakLatencyMillis stimulus to negative peak of the median unit's potential, ms
 * @param latencySpreadMillis standard deviation of the units' latencies, ms
 * @param unitPhaseMillis time from a unit potential's negative peak to its zero crossing, ms
 */
public record PopulationParameters(
        int unitCount,
        double medianThresholdMilliamps,
        double thresholdSpreadLog,
        double jitterPercent,
        double maximalCmapMillivolts,
        double unitAmplitudeSpreadLog,
        double peakLatencyMillis,
        double latencySpreadMillis,
        double unitPhaseMillis) {

    public PopulationParameters {
        if (unitCount < 1 || unitCount > 10_000) {
            throw new IllegalArgumentException("population.units must be 1..10000, not " + unitCount);
        }
        requirePositive(medianThresholdMilliamps, "population.threshold_mA");
        requireNonNegative(thresholdSpreadLog, "population.thresholdSpread_log");
        requireNonNegative(jitterPercent, "population.jitter_percent");
        requirePositive(maximalCmapMillivolts, "population.cmap_mV");
        requireNonNegative(unitAmplitudeSpreadLog, "population.amplitudeSpread_log");
        requirePositive(peakLatencyMillis, "population.latency_ms");
        requireNonNegative(latencySpreadMillis, "population.latencySpread_ms");
        requirePositive(unitPhaseMillis, "population.unitPhase_ms");
    }

    /** A healthy thenar muscle: 150 units, 4.1 mA median 1 ms threshold, 8.6 mV CMAP peaking at 6.2 ms. */
    public static PopulationParameters healthy() {
        return new PopulationParameters(150, 4.1, 0.10, 1.65, 8.6, 0.6, 6.2, 0.25, 1.1);
    }

    /** The names preset files use ({@code population.<key>}), in field order; the unit is the suffix. */
    public static final java.util.List<String> KEYS = java.util.List.of("units", "threshold_mA",
            "thresholdSpread_log", "jitter_percent", "cmap_mV", "amplitudeSpread_log", "latency_ms",
            "latencySpread_ms", "unitPhase_ms");

    /** The value of the parameter a preset names {@code population.<key>}. */
    public double value(String key) {
        return asArray()[index(key)];
    }

    /** A copy with the parameter a preset names {@code population.<key>} set to {@code value}. */
    public PopulationParameters with(String key, double value) {
        double[] v = asArray();
        v[index(key)] = value;
        if (v[0] != Math.rint(v[0])) {
            throw new IllegalArgumentException("population.units must be a whole number, not " + v[0]);
        }
        return new PopulationParameters((int) v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    private double[] asArray() {
        return new double[] {unitCount, medianThresholdMilliamps, thresholdSpreadLog, jitterPercent,
            maximalCmapMillivolts, unitAmplitudeSpreadLog, peakLatencyMillis, latencySpreadMillis, unitPhaseMillis};
    }

    private static int index(String key) {
        int i = KEYS.indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException("unknown population setting '" + key + "'; expected one of "
                    + String.join(", ", KEYS));
        }
        return i;
    }

    private static void requirePositive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a positive number, not " + v);
        }
    }

    private static void requireNonNegative(double v, String name) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be zero or more, not " + v);
        }
    }
}
