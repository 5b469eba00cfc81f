package org.excitrack.sim.nerve.axon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.excitrack.sim.nerve.AxonExcitability;
import org.excitrack.sim.nerve.NormalizedTrial;
import org.excitrack.sim.nerve.NormalizedTrial.NormalizedPulse;
import org.excitrack.sim.nerve.NormalizedTrial.NormalizedStep;

/**
 * One human motor axon simulated as a Bostock-type node + internode ({@link AxonMembrane}), answering threshold
 * questions by exact bisection: the conditioning is integrated once up to the test onset, and the test pulse
 * amplitude is bisected from copies of that state to 0.01 %.
 *
 * <p><b>Semantics of {@link #thresholdFactor}.</b>
 * <ul>
 * <li>The result is the test pulse's threshold (a cathodal, depolarizing pulse) divided by the resting threshold
 *     of a 1 ms pulse, which is found once at construction. An action potential is an upward crossing of −20 mV
 *     at the node between test onset and 1 ms after the test ends.
 * <li>{@code Double.POSITIVE_INFINITY}: no amplitude up to 20 × the resting threshold (× 1/width for pulses
 *     shorter than 1 ms) fires it: absolute refractoriness.
 * <li>{@code 0}: the axon fires in the test window without any test current, because the conditioning itself
 *     drives it there (a depolarizing polarizing current making a hyperexcitable axon fire). Any unit of the
 *     population then fires. If the conditioning made the axon fire earlier in the trial but not in the window,
 *     the threshold is computed from the post-spike state, as a real axon would be tested.
 * <li>The pulse {@code lastFiredPulse} is made to fire: if its amplitude does not fire the model axon (the
 *     population decided from its own, jittered thresholds that this unit fired), it is re-driven at 1.5×, 2.25×, …
 *     its amplitude until it does. Other earlier pulses are simulated as given, whether or not they fire.
 * <li>Pulses after the test pulse, and polarizing currents that start after the detection window, are ignored.
 * </ul>
 *
 * <p><b>Caching.</b> Results are cached by condition: the trial's shape relative to its first event (timings in
 * µs, which pulse fired), conditioning pulse amplitudes rounded to 1 % of threshold, and polarizing amplitudes on
 * a 1 % grid. A polarizing amplitude between grid points is answered by linear interpolation between the two
 * neighbouring grid conditions (multilinear for up to three polarizing steps, rounding beyond), so the small
 * trial-to-trial variation of a controller's polarizing currents does not grow the cache. Conditioning histories
 * are shared across test delays ({@link ConditioningTrajectory}).
 *
 * <p><b>Threads.</b> Thread-safe: the caches are concurrent, and computations of different conditions can run in
 * parallel. Results do not depend on the order or the threads of the calls, because every bisection ends on
 * the same fixed lattice of amplitudes whatever its starting guess.
 */
public final class BiophysicalAxon implements AxonExcitability {
    /** Bisection lattice: amplitudes exp(k·δ) pA; δ = 1e-4 gives 0.01 % relative precision. */
    private static final double LATTICE_STEP = 1e-4;
    private static final long FIRST_BRACKET_STEPS = 300;
    private static final double REFRACTORY_CAP_MULTIPLE = 20;
    private static final double FIRED_PULSE_BOOST = 1.5;
    private static final int FIRED_PULSE_MAX_BOOSTS = 12;
    private static final int MAX_INTERPOLATED_STEPS = 3;
    private static final int MAX_CACHED_HISTORIES = 4096;
    private static final double TYPICAL_SDTC_MILLIS = 0.45;

    private final AxonParameters parameters;
    private final AxonIntegrator integrator;
    private final double restingThreshold_pA;
    private final Map<Condition, Double> thresholds = new ConcurrentHashMap<>();
    private final Map<List<Event>, ConditioningTrajectory> histories = new ConcurrentHashMap<>();

    /** One event of a conditioning history, times relative to the trial's first event. */
    record Event(long onsetMicros, long durationMicros, int amplitudePercent, boolean pulse, boolean mustFire) {
    }

    /** A cacheable condition: its conditioning history and the test pulse timing. */
    record Condition(List<Event> conditioning, long testOnsetMicros, long testWidthMicros) {
    }

    public BiophysicalAxon(AxonParameters parameters) {
        this.parameters = parameters;
        this.integrator = new AxonIntegrator(new AxonMembrane(parameters));
        ConditioningTrajectory rest = history(List.of());
        this.restingThreshold_pA = searchThreshold(rest.stateAt(0), rest.schedule(), 0, 1.0, 600,
                Double.POSITIVE_INFINITY);
        if (!(restingThreshold_pA > 0) || Double.isInfinite(restingThreshold_pA)) {
            throw new IllegalArgumentException("this axon does not fire at rest: " + parameters);
        }
    }

    public AxonParameters parameters() {
        return parameters;
    }

    /** The resting threshold of a 1 ms pulse, pA: the unit every normalized current is a multiple of. */
    public double restingThreshold_pA() {
        return restingThreshold_pA;
    }

    @Override
    public double thresholdFactor(NormalizedTrial trial, int testIndex, int lastFiredPulse) {
        if (testIndex < 0 || testIndex >= trial.pulses().size()) {
            throw new IllegalArgumentException("no pulse " + testIndex + " in " + trial);
        }
        if (lastFiredPulse >= testIndex || lastFiredPulse < -1) {
            throw new IllegalArgumentException("lastFiredPulse " + lastFiredPulse + " must be before the test pulse "
                    + testIndex);
        }
        NormalizedPulse test = trial.pulses().get(testIndex);
        double windowEnd = test.endMillis() + 1.0;
        List<NormalizedStep> steps = new ArrayList<>();
        for (NormalizedStep s : trial.polarizing()) {
            if (s.onsetMillis() < windowEnd && s.amplitude() != 0) {
                steps.add(s);
            }
        }
        double origin = test.onsetMillis();
        for (int i = 0; i < testIndex; i++) {
            origin = Math.min(origin, trial.pulses().get(i).onsetMillis());
        }
        for (NormalizedStep s : steps) {
            origin = Math.min(origin, s.onsetMillis());
        }
        List<Event> pulses = new ArrayList<>();
        for (int i = 0; i < testIndex; i++) {
            NormalizedPulse p = trial.pulses().get(i);
            pulses.add(new Event(micros(p.onsetMillis() - origin), micros(p.widthMillis()),
                    (int) Math.round(p.amplitude() * 100), true, i == lastFiredPulse));
        }
        long testOnset = micros(test.onsetMillis() - origin);
        long testWidth = micros(test.widthMillis());

        int n = steps.size();
        double[] percent = new double[n];
        boolean[] interpolate = new boolean[n];
        int interpolated = 0;
        for (int i = 0; i < n; i++) {
            percent[i] = steps.get(i).amplitude() * 100;
            double frac = percent[i] - Math.floor(percent[i]);
            if (frac > 1e-6 && frac < 1 - 1e-6 && interpolated < MAX_INTERPOLATED_STEPS) {
                interpolate[i] = true;
                interpolated++;
            }
        }
        double result = 0;
        for (int corner = 0; corner < (1 << interpolated); corner++) {
            double weight = 1;
            List<Event> events = new ArrayList<>(pulses);
            int bit = 0;
            for (int i = 0; i < n; i++) {
                int amplitude;
                if (interpolate[i]) {
                    double lower = Math.floor(percent[i]);
                    double frac = percent[i] - lower;
                    boolean upper = ((corner >> bit++) & 1) == 1;
                    weight *= upper ? frac : 1 - frac;
                    amplitude = (int) lower + (upper ? 1 : 0);
                } else {
                    amplitude = (int) Math.round(percent[i]);
                }
                NormalizedStep s = steps.get(i);
                if (amplitude != 0) {
                    events.add(new Event(micros(s.onsetMillis() - origin), micros(s.durationMillis()), amplitude,
                            false, false));
                }
            }
            if (weight == 0) {
                continue;
            }
            double f = cachedThreshold(new Condition(List.copyOf(events), testOnset, testWidth));
            if (Double.isInfinite(f)) {
                return Double.POSITIVE_INFINITY;
            }
            result += weight * f;
        }
        return result;
    }

    /**
     * The number of action potentials (upward crossings of −20 mV at the node) when {@code trial} is delivered as
     * given, from rest, observed from time 0 to {@code untilMillis}: for checking spontaneous and repetitive firing.
     */
    public int actionPotentials(NormalizedTrial trial, double untilMillis) {
        List<CurrentSchedule.Piece> pieces = new ArrayList<>();
        for (NormalizedPulse p : trial.pulses()) {
            pieces.add(new CurrentSchedule.Piece(p.onsetMillis(), p.endMillis(), p.amplitude() * restingThreshold_pA,
                    true));
        }
        for (NormalizedStep s : trial.polarizing()) {
            pieces.add(new CurrentSchedule.Piece(s.onsetMillis(), s.endMillis(), s.amplitude() * restingThreshold_pA,
                    false));
        }
        double[] y = integrator.membrane().restingState();
        return integrator.walk(y, 0, untilMillis, new CurrentSchedule(pieces));
    }

    @Override
    public String describe() {
        AxonParameters p = parameters;
        return String.format(Locale.ROOT, "biophysical node+internode axon at %.1f °C: Na %.0f nS (%.2f %% persistent), "
                        + "slow K %.1f/%.1f nS, AHP K %.1f nS, HCN %.1f nS, Gbb %.1f nS, Ci %.0f pF; "
                        + "resting 1 ms threshold %.0f pA",
                p.temperature_C(), p.nodalNa_nS(), 100 * p.persistentNaFraction(), p.nodalSlowK_nS(),
                p.internodalSlowK_nS(), p.nodalAhpK_nS(), p.hcn_nS(), p.barrettBarrett_nS(),
                p.internodeCapacitance_pF(), restingThreshold_pA);
    }

    /** Number of conditions computed so far (the cache's size). */
    public int cachedConditions() {
        return thresholds.size();
    }

    private double cachedThreshold(Condition condition) {
        Double cached = thresholds.get(condition);
        if (cached != null) {
            return cached;
        }
        double f = computeThreshold(condition);
        thresholds.putIfAbsent(condition, f);
        return f;
    }

    private double computeThreshold(Condition c) {
        ConditioningTrajectory history = history(c.conditioning());
        double onset = c.testOnsetMicros() / 1000.0;
        double width = c.testWidthMicros() / 1000.0;
        double[] start = history.stateAt(onset);
        double guess = history.lastThreshold_pA();
        if (!Double.isFinite(guess)) {
            double polarizing = 0;
            for (Event e : c.conditioning()) {
                if (!e.pulse() && e.onsetMicros() <= c.testOnsetMicros()
                        && e.onsetMicros() + e.durationMicros() > c.testOnsetMicros()) {
                    polarizing += e.amplitudePercent() / 100.0;
                }
            }
            guess = restingThreshold_pA * Math.max(0.1, 1 - polarizing)
                    * (1 + TYPICAL_SDTC_MILLIS / width) / (1 + TYPICAL_SDTC_MILLIS);
        }
        double cap = restingThreshold_pA * REFRACTORY_CAP_MULTIPLE * Math.max(1, 1 / width);
        double threshold = searchThreshold(start, history.schedule(), onset, width, guess, cap);
        history.rememberThreshold(threshold);
        return threshold / restingThreshold_pA;
    }

    private ConditioningTrajectory history(List<Event> conditioning) {
        ConditioningTrajectory known = histories.get(conditioning);
        if (known != null) {
            return known;
        }
        if (histories.size() > MAX_CACHED_HISTORIES) {
            histories.clear();
        }
        return histories.computeIfAbsent(conditioning, this::newHistory);
    }

    private ConditioningTrajectory newHistory(List<Event> conditioning) {
        double boost = 1;
        for (int attempt = 0; attempt <= FIRED_PULSE_MAX_BOOSTS; attempt++) {
            CurrentSchedule schedule = schedule(conditioning, boost);
            if (firedPulseFires(conditioning, schedule)) {
                return new ConditioningTrajectory(integrator, schedule);
            }
            boost *= FIRED_PULSE_BOOST;
        }
        throw new IllegalStateException("the fired conditioning pulse does not fire the axon even at "
                + boost + "× its amplitude: " + conditioning);
    }

    private CurrentSchedule schedule(List<Event> conditioning, double firedPulseBoost) {
        List<CurrentSchedule.Piece> pieces = new ArrayList<>();
        for (Event e : conditioning) {
            double amplitude = e.amplitudePercent() / 100.0 * restingThresholdOrProvisional()
                    * (e.mustFire() ? firedPulseBoost : 1);
            double onset = e.onsetMicros() / 1000.0;
            pieces.add(new CurrentSchedule.Piece(onset, onset + e.durationMicros() / 1000.0, amplitude, e.pulse()));
        }
        return new CurrentSchedule(pieces);
    }

    /** During construction the resting threshold is being computed from an empty history, which needs no scale. */
    private double restingThresholdOrProvisional() {
        return restingThreshold_pA > 0 ? restingThreshold_pA : 0;
    }

    private boolean firedPulseFires(List<Event> conditioning, CurrentSchedule schedule) {
        for (Event e : conditioning) {
            if (e.mustFire()) {
                double onset = e.onsetMicros() / 1000.0;
                double end = onset + e.durationMicros() / 1000.0;
                double[] y = integrator.membrane().restingState();
                integrator.walk(y, 0, onset, schedule);
                return integrator.walk(y, onset, end + 1.0, schedule) > 0;
            }
        }
        return true;
    }

    /**
     * The smallest amplitude (pA) of a test pulse at {@code onset} that fires the axon from {@code start}, on the
     * lattice exp(k·δ): bracket outwards from {@code guess_pA} by doubling steps, then bisect to adjacent lattice
     * points. 0 when the window fires without any test current; +∞ when {@code cap_pA} does not fire.
     */
    private double searchThreshold(double[] start, CurrentSchedule schedule, double onset, double width,
            double guess_pA, double cap_pA) {
        long k = Math.round(Math.log(guess_pA) / LATTICE_STEP);
        long step = FIRST_BRACKET_STEPS;
        long lo;
        long hi;
        if (fires(start, schedule, onset, width, k)) {
            hi = k;
            lo = k - step;
            while (fires(start, schedule, onset, width, lo)) {
                hi = lo;
                step *= 2;
                lo = hi - step;
                if (amplitude(lo) < restingThresholdScale() * 1e-3) {
                    if (integrator.testFires(start, schedule, onset, width, 0)) {
                        return 0;
                    }
                    if (amplitude(lo) < restingThresholdScale() * 1e-6) {
                        return 0;
                    }
                }
            }
        } else {
            lo = k;
            hi = k + step;
            while (!fires(start, schedule, onset, width, hi)) {
                lo = hi;
                step *= 2;
                hi = lo + step;
                if (amplitude(hi) > cap_pA) {
                    long capK = (long) Math.floor(Math.log(cap_pA) / LATTICE_STEP);
                    if (capK <= lo || !fires(start, schedule, onset, width, capK)) {
                        return Double.POSITIVE_INFINITY;
                    }
                    hi = capK;
                    break;
                }
            }
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (fires(start, schedule, onset, width, mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Math.exp((lo + 0.5) * LATTICE_STEP);
    }

    private double restingThresholdScale() {
        return restingThreshold_pA > 0 ? restingThreshold_pA : 600;
    }

    private boolean fires(double[] start, CurrentSchedule schedule, double onset, double width, long k) {
        return integrator.testFires(start, schedule, onset, width, amplitude(k));
    }

    private static double amplitude(long k) {
        return Math.exp(k * LATTICE_STEP);
    }

    private static long micros(double millis) {
        return Math.round(millis * 1000);
    }
}
