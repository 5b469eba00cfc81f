package org.excitrack.sim.cortex;

import java.util.Comparator;
import java.util.List;

/**
 * What the cortex is given in one trial: the magnetic pulses, any afferent volleys, how hard the subject is
 * contracting the recorded muscle, and how long the recording lasts.
 *
 * @param pulses magnetic pulses, in any order (kept sorted by onset)
 * @param afferentVolleys peripheral nerve stimuli for afferent inhibition, in any order
 * @param contractionFractionOfMvc voluntary contraction of the recorded muscle, 0 = rest, 0.2 = 20 % of maximum
 * @param durationMicros length of the recording from time zero, µs; background EMG is generated for this span
 */
public record CortexTrial(List<MagneticPulse> pulses, List<AfferentVolley> afferentVolleys,
        double contractionFractionOfMvc, long durationMicros) {

    /**
     * Where the convenience trials put the test pulse: room before it for a 200 ms LICI conditioning pulse and
     * a 50 ms pre-stimulus EMG check ahead of that.
     */
    public static final long STANDARD_TEST_ONSET_MICROS = 250_000;
    /** Long enough after the test pulse for its MEP, a 200 ms silent period and the recovery. */
    public static final long STANDARD_DURATION_MICROS = 550_000;

    public CortexTrial {
        pulses = pulses.stream().sorted(Comparator.comparingLong(MagneticPulse::onsetMicros)).toList();
        afferentVolleys = List.copyOf(afferentVolleys);
        if (!(contractionFractionOfMvc >= 0 && contractionFractionOfMvc <= 1)) {
            throw new IllegalArgumentException("contraction " + contractionFractionOfMvc + " of MVC must lie in 0..1");
        }
        if (durationMicros <= 0) {
            throw new IllegalArgumentException("trial duration " + durationMicros + " µs must be positive");
        }
    }

    /** One test pulse at {@link #STANDARD_TEST_ONSET_MICROS}, muscle at rest. */
    public static CortexTrial single(double testPercent) {
        return new CortexTrial(List.of(new MagneticPulse(STANDARD_TEST_ONSET_MICROS, testPercent)), List.of(), 0,
                STANDARD_DURATION_MICROS);
    }

    /** A conditioning pulse {@code isiMillis} (onset to onset) before the test pulse, muscle at rest. */
    public static CortexTrial paired(double conditioningPercent, double testPercent, double isiMillis) {
        return new CortexTrial(List.of(new MagneticPulse(STANDARD_TEST_ONSET_MICROS - isiMicros(isiMillis),
                conditioningPercent), new MagneticPulse(STANDARD_TEST_ONSET_MICROS, testPercent)), List.of(), 0,
                STANDARD_DURATION_MICROS);
    }

    /** A nerve stimulus {@code isiMillis} before the test pulse (SAI), muscle at rest. */
    public static CortexTrial afferentConditioned(double recruitedFraction, double testPercent, double isiMillis) {
        return new CortexTrial(List.of(new MagneticPulse(STANDARD_TEST_ONSET_MICROS, testPercent)),
                List.of(new AfferentVolley(STANDARD_TEST_ONSET_MICROS - isiMicros(isiMillis), recruitedFraction)), 0,
                STANDARD_DURATION_MICROS);
    }

    /** The same stimuli with the muscle contracting at {@code fractionOfMvc}. */
    public CortexTrial withContraction(double fractionOfMvc) {
        return new CortexTrial(pulses, afferentVolleys, fractionOfMvc, durationMicros);
    }

    private static long isiMicros(double isiMillis) {
        long micros = Math.round(isiMillis * 1000);
        if (micros <= 0 || micros > STANDARD_TEST_ONSET_MICROS) {
            throw new IllegalArgumentException("interval " + isiMillis + " ms must lie in (0, "
                    + STANDARD_TEST_ONSET_MICROS / 1000 + "] ms");
        }
        return micros;
    }
}
