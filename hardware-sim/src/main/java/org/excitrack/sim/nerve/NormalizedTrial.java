package org.excitrack.sim.nerve;

import java.util.ArrayList;
import java.util.List;
import org.excitrack.model.Polarity;
import org.excitrack.model.PolarizingStep;
import org.excitrack.model.Pulse;
import org.excitrack.model.TrialSpec;

/**
 * A trial as one axon sees it: times in milliseconds and every current as a signed multiple of that axon's
 * resting threshold for a 1 ms pulse (positive depolarizes, that is cathodal). Expressing currents this way
 * lets one computed axon stand for every motor unit of a population, each unit dividing by its own threshold.
 *
 * @param pulses the pulses, in onset order
 * @param polarizing the polarizing (conditioning) currents, in onset order
 */
public record NormalizedTrial(List<NormalizedPulse> pulses, List<NormalizedStep> polarizing) {

    public NormalizedTrial {
        pulses = List.copyOf(pulses);
        polarizing = List.copyOf(polarizing);
        for (int i = 1; i < pulses.size(); i++) {
            if (pulses.get(i).onsetMillis() < pulses.get(i - 1).onsetMillis()) {
                throw new IllegalArgumentException("pulses must be in onset order: " + pulses);
            }
        }
    }

    /**
     * @param onsetMillis start of the pulse from the trial's time zero, ms
     * @param widthMillis duration, ms
     * @param amplitude current as a signed multiple of the axon's resting 1 ms threshold
     */
    public record NormalizedPulse(double onsetMillis, double widthMillis, double amplitude) {
        public NormalizedPulse {
            if (!(widthMillis > 0) || !Double.isFinite(onsetMillis) || !Double.isFinite(amplitude)) {
                throw new IllegalArgumentException("invalid pulse: onset " + onsetMillis + " ms, width "
                        + widthMillis + " ms, amplitude " + amplitude);
            }
        }

        public double endMillis() {
            return onsetMillis + widthMillis;
        }
    }

    /**
     * @param onsetMillis start of the current, ms
     * @param durationMillis duration, ms
     * @param amplitude current as a signed multiple of the axon's resting 1 ms threshold (+0.4 for TEd40)
     */
    public record NormalizedStep(double onsetMillis, double durationMillis, double amplitude) {
        public NormalizedStep {
            if (!(durationMillis > 0) || !Double.isFinite(onsetMillis) || !Double.isFinite(amplitude)) {
                throw new IllegalArgumentException("invalid polarizing step: onset " + onsetMillis + " ms, duration "
                        + durationMillis + " ms, amplitude " + amplitude);
            }
        }

        public double endMillis() {
            return onsetMillis + durationMillis;
        }
    }

    /** A single pulse at time zero, the simplest trial. */
    public static NormalizedTrial singlePulse(double widthMillis, double amplitude) {
        return new NormalizedTrial(List.of(new NormalizedPulse(0, widthMillis, amplitude)), List.of());
    }

    /** The delivered trial with every current divided by {@code restingThreshold1msNanoamps}. */
    public static NormalizedTrial of(TrialSpec delivered, double restingThreshold1msNanoamps) {
        List<Pulse> sorted = new ArrayList<>(delivered.pulses());
        sorted.sort((a, b) -> Long.compare(a.onsetMicros(), b.onsetMicros()));
        List<NormalizedPulse> pulses = new ArrayList<>();
        for (Pulse p : sorted) {
            pulses.add(new NormalizedPulse(p.onsetMicros() / 1000.0, p.widthMicros() / 1000.0,
                    sign(p.polarity()) * p.amplitudeNanoamps() / restingThreshold1msNanoamps));
        }
        List<NormalizedStep> steps = new ArrayList<>();
        for (PolarizingStep s : delivered.polarizing()) {
            steps.add(new NormalizedStep(s.onsetMicros() / 1000.0, s.durationMicros() / 1000.0,
                    sign(s.polarity()) * s.amplitudeNanoamps() / restingThreshold1msNanoamps));
        }
        steps.sort((a, b) -> Double.compare(a.onsetMillis(), b.onsetMillis()));
        return new NormalizedTrial(pulses, steps);
    }

    /** The same trial seen by an axon whose resting threshold is {@code factor} times higher. */
    public NormalizedTrial scaledBy(double factor) {
        List<NormalizedPulse> p = new ArrayList<>();
        for (NormalizedPulse x : pulses) {
            p.add(new NormalizedPulse(x.onsetMillis(), x.widthMillis(), x.amplitude() / factor));
        }
        List<NormalizedStep> s = new ArrayList<>();
        for (NormalizedStep x : polarizing) {
            s.add(new NormalizedStep(x.onsetMillis(), x.durationMillis(), x.amplitude() / factor));
        }
        return new NormalizedTrial(p, s);
    }

    /** Total polarizing current flowing at {@code timeMillis}, in multiples of the resting 1 ms threshold. */
    public double polarizingAt(double timeMillis) {
        double sum = 0;
        for (NormalizedStep s : polarizing) {
            if (timeMillis >= s.onsetMillis() && timeMillis < s.endMillis()) {
                sum += s.amplitude();
            }
        }
        return sum;
    }

    private static int sign(Polarity polarity) {
        return polarity == Polarity.CATHODAL ? 1 : -1;
    }
}
