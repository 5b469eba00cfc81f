package org.excitrack.sim.nerve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.excitrack.model.TrialSpec;
import org.excitrack.sim.nerve.NormalizedTrial.NormalizedPulse;

/**
 * The motor units of one muscle and the nerve that supplies them: each unit's axon is the shared
 * {@link AxonExcitability} scaled by the unit's own resting threshold, so a polarizing current is a larger
 * fraction of a low-threshold unit's threshold than of a high-threshold one's, as for real axons at different
 * distances from the electrode. Which units fire on a trial decides the CMAP; the stimulus-response curve
 * emerges as the amplitude-weighted distribution of unit thresholds.
 *
 * <p>Not thread-safe: the virtual unit calls it from its one thread.
 */
public final class MotorUnitPool {
    /** Units whose threshold is clearly far from the stimulus are decided from the median unit's factor. */
    private static final double CLEARLY_BELOW = 0.7;
    private static final double CLEARLY_ABOVE = 1.4;
    private static final double GRID_STEP_MILLIS = 0.02;

    private final AxonExcitability axon;
    private final PopulationParameters parameters;
    private final double[] thresholdNanoamps;
    private final double[] amplitudeMicrovolts;
    private final double[] peakLatencyMillis;

    /** One unit firing on one pulse. */
    public record Firing(int unit, double pulseOnsetMillis) {
    }

    /** The units that fired on each pulse of a trial, pulses in onset order. */
    public record Recruitment(List<NormalizedPulse> pulsesMilliamps, List<List<Firing>> byPulse) {
        public List<Firing> all() {
            List<Firing> all = new ArrayList<>();
            byPulse.forEach(all::addAll);
            return all;
        }
    }

    public MotorUnitPool(AxonExcitability axon, PopulationParameters parameters, long seed) {
        this.axon = axon;
        this.parameters = parameters;
        Random random = new Random(seed);
        int n = parameters.unitCount();
        thresholdNanoamps = new double[n];
        amplitudeMicrovolts = new double[n];
        peakLatencyMillis = new double[n];
        for (int k = 0; k < n; k++) {
            thresholdNanoamps[k] = parameters.medianThresholdMilliamps() * 1e6
                    * Math.exp(parameters.thresholdSpreadLog() * random.nextGaussian());
            amplitudeMicrovolts[k] = Math.exp(parameters.unitAmplitudeSpreadLog() * random.nextGaussian());
            peakLatencyMillis[k] = Math.max(0.5, parameters.peakLatencyMillis()
                    + parameters.latencySpreadMillis() * random.nextGaussian());
        }
        double allUnitsPeak = negativePeak(allUnits());
        for (int k = 0; k < n; k++) {
            amplitudeMicrovolts[k] *= parameters.maximalCmapMillivolts() * 1000 / allUnitsPeak;
        }
    }

    public AxonExcitability axon() {
        return axon;
    }

    public PopulationParameters parameters() {
        return parameters;
    }

    /** Decides, with each unit's trial-to-trial jitter, which units fire on which pulse of {@code delivered}. */
    public Recruitment recruit(TrialSpec delivered, Random random) {
        NormalizedTrial inMilliamps = NormalizedTrial.of(delivered, 1e6);
        int pulses = inMilliamps.pulses().size();
        List<List<Firing>> byPulse = new ArrayList<>();
        for (int j = 0; j < pulses; j++) {
            byPulse.add(new ArrayList<>());
        }
        NormalizedTrial median = inMilliamps.scaledBy(parameters.medianThresholdMilliamps());
        Map<Long, Double> medianFactors = new HashMap<>();
        double jitter = parameters.jitterPercent() / 100;
        for (int k = 0; k < thresholdNanoamps.length; k++) {
            double unitMilliamps = thresholdNanoamps[k] / 1e6;
            NormalizedTrial own = null;
            int lastFired = -1;
            for (int j = 0; j < pulses; j++) {
                double noise = 1 + jitter * random.nextGaussian();
                NormalizedPulse pulse = inMilliamps.pulses().get(j);
                if (pulse.amplitude() <= 0) {
                    continue;
                }
                double drive = pulse.amplitude() / unitMilliamps;
                int fired = lastFired;
                double approximate = medianFactors.computeIfAbsent(((long) j << 32) | (fired + 1),
                        key -> axon.thresholdFactor(median, (int) (key >>> 32), fired));
                double factor;
                if (!Double.isFinite(approximate) || inMilliamps.polarizing().isEmpty()
                        || drive < CLEARLY_BELOW * approximate || drive > CLEARLY_ABOVE * approximate) {
                    factor = approximate;
                } else {
                    if (own == null) {
                        own = inMilliamps.scaledBy(unitMilliamps);
                    }
                    factor = axon.thresholdFactor(own, j, lastFired);
                }
                if (Double.isFinite(factor) && drive >= factor * noise) {
                    byPulse.get(j).add(new Firing(k, pulse.onsetMillis()));
                    lastFired = j;
                }
            }
        }
        return new Recruitment(inMilliamps.pulses(), byPulse);
    }

    /** Fraction of the units that fired on each pulse. */
    public double[] recruitedFractions(Recruitment recruitment) {
        double[] f = new double[recruitment.byPulse().size()];
        for (int j = 0; j < f.length; j++) {
            f[j] = recruitment.byPulse().get(j).size() / (double) thresholdNanoamps.length;
        }
        return f;
    }

    /** The summed motor-unit potentials, µV, as a function of time from the trial's zero. */
    public double microvoltsAt(List<Firing> firings, double timeMicros) {
        double t = timeMicros / 1000;
        double phase = parameters.unitPhaseMillis();
        double sum = 0;
        for (Firing f : firings) {
            double x = (t - f.pulseOnsetMillis() - peakLatencyMillis[f.unit()] - phase) / phase;
            if (x > -6 && x < 6) {
                sum += amplitudeMicrovolts[f.unit()] * x * Math.exp((1 - x * x) / 2);
            }
        }
        return sum;
    }

    /**
     * The noise-free stimulus-response relation of a single pulse at rest: for each number of units recruited in
     * threshold order, the current at which the last of them joins (mA, for a pulse of {@code widthFactor} times
     * the 1 ms threshold) and the CMAP's negative-peak amplitude, µV.
     */
    public double[][] noiseFreeRecruitment(double thresholdFactor) {
        Integer[] order = new Integer[thresholdNanoamps.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(thresholdNanoamps[a], thresholdNanoamps[b]));
        double[] grid = new double[gridLength()];
        double[][] result = new double[2][order.length];
        for (int i = 0; i < order.length; i++) {
            addUnit(grid, order[i]);
            result[0][i] = thresholdNanoamps[order[i]] / 1e6 * thresholdFactor;
            result[1][i] = -Arrays.stream(grid).min().orElse(0);
        }
        return result;
    }

    /** Stimulus onset to the negative peak of the maximal CMAP, noise-free, ms. */
    public double maximalPeakLatencyMillis() {
        double[] grid = new double[gridLength()];
        for (Firing f : allUnits()) {
            addUnit(grid, f.unit());
        }
        int min = 0;
        for (int i = 1; i < grid.length; i++) {
            if (grid[i] < grid[min]) {
                min = i;
            }
        }
        return min * GRID_STEP_MILLIS;
    }

    private List<Firing> allUnits() {
        List<Firing> all = new ArrayList<>();
        for (int k = 0; k < thresholdNanoamps.length; k++) {
            all.add(new Firing(k, 0));
        }
        return all;
    }

    private double negativePeak(List<Firing> firings) {
        double[] grid = new double[gridLength()];
        for (Firing f : firings) {
            addUnit(grid, f.unit());
        }
        return -Arrays.stream(grid).min().orElse(0);
    }

    private int gridLength() {
        double end = Arrays.stream(peakLatencyMillis).max().orElse(0) + 8 * parameters.unitPhaseMillis();
        return (int) Math.ceil(end / GRID_STEP_MILLIS);
    }

    private void addUnit(double[] grid, int unit) {
        Firing f = new Firing(unit, 0);
        List<Firing> one = List.of(f);
        for (int i = 0; i < grid.length; i++) {
            grid[i] += microvoltsAt(one, i * GRID_STEP_MILLIS * 1000);
        }
    }
}
