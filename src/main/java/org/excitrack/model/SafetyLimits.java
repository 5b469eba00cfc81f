package org.excitrack.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Stimulation limits. The same record describes the unit's hard limits, the limits a host sets on the unit,
 * and the limits a session enforces on every trial; {@link #violations} is the single rule all of them apply.
 *
 * @param maxPulseCurrentNanoamps largest pulse amplitude, nA
 * @param maxPulseChargeNanocoulombs largest charge of one pulse (amplitude × width), nC
 * @param maxPolarizingCurrentNanoamps largest polarizing current, nA
 * @param maxPolarizingChargeNanocoulombs largest charge of one polarizing step (amplitude × duration), nC
 * @param maxPolarizingDurationMicros longest polarizing step, µs
 * @param minTrialIntervalMicros shortest time from one trial's start to the next, µs (sets the stimulus rate)
 */
public record SafetyLimits(
        long maxPulseCurrentNanoamps,
        long maxPulseChargeNanocoulombs,
        long maxPolarizingCurrentNanoamps,
        long maxPolarizingChargeNanocoulombs,
        long maxPolarizingDurationMicros,
        long minTrialIntervalMicros) {

    private static final long FEMTO_PER_NANO = 1_000_000L;

    public SafetyLimits {
        Checks.nonNegative(maxPulseCurrentNanoamps, "max pulse current", "nA");
        Checks.nonNegative(maxPulseChargeNanocoulombs, "max pulse charge", "nC");
        Checks.nonNegative(maxPolarizingCurrentNanoamps, "max polarizing current", "nA");
        Checks.nonNegative(maxPolarizingChargeNanocoulombs, "max polarizing charge", "nC");
        Checks.nonNegative(maxPolarizingDurationMicros, "max polarizing duration", "µs");
        Checks.nonNegative(minTrialIntervalMicros, "min trial interval", "µs");
    }

    /**
     * Conservative defaults for peripheral nerve work: 50 mA, 50 µC per pulse (50 mA × 1 ms), 10 mA and
     * 1 s of polarizing current (10 mC), trials at most 10 per second.
     */
    public static SafetyLimits nerveDefaults() {
        return new SafetyLimits(50_000_000L, 50_000L, 10_000_000L, 10_000_000L, 1_000_000L, 100_000L);
    }

    public SafetyLimits withMinTrialIntervalMicros(long micros) {
        return new SafetyLimits(maxPulseCurrentNanoamps, maxPulseChargeNanocoulombs, maxPolarizingCurrentNanoamps,
                maxPolarizingChargeNanocoulombs, maxPolarizingDurationMicros, micros);
    }

    /** The tighter of each pair of limits: what applies when both sets are in force. */
    public SafetyLimits tighterOf(SafetyLimits other) {
        return new SafetyLimits(
                Math.min(maxPulseCurrentNanoamps, other.maxPulseCurrentNanoamps),
                Math.min(maxPulseChargeNanocoulombs, other.maxPulseChargeNanocoulombs),
                Math.min(maxPolarizingCurrentNanoamps, other.maxPolarizingCurrentNanoamps),
                Math.min(maxPolarizingChargeNanocoulombs, other.maxPolarizingChargeNanocoulombs),
                Math.min(maxPolarizingDurationMicros, other.maxPolarizingDurationMicros),
                Math.max(minTrialIntervalMicros, other.minTrialIntervalMicros));
    }

    /** Every limit the trial would exceed, in the order pulses then polarizing steps; empty when it is safe. */
    public List<LimitViolation> violations(TrialSpec trial) {
        List<LimitViolation> out = new ArrayList<>();
        for (int i = 0; i < trial.pulses().size(); i++) {
            Pulse p = trial.pulses().get(i);
            String where = "pulse " + (i + 1);
            if (p.amplitudeNanoamps() > maxPulseCurrentNanoamps) {
                out.add(new LimitViolation(Limit.PULSE_CURRENT, where, p.amplitudeNanoamps(),
                        maxPulseCurrentNanoamps));
            }
            if (p.chargeFemtocoulombs() > maxPulseChargeNanocoulombs * FEMTO_PER_NANO) {
                out.add(new LimitViolation(Limit.PULSE_CHARGE, where,
                        ceilDiv(p.chargeFemtocoulombs(), FEMTO_PER_NANO), maxPulseChargeNanocoulombs));
            }
        }
        for (int i = 0; i < trial.polarizing().size(); i++) {
            PolarizingStep s = trial.polarizing().get(i);
            String where = "polarizing step " + (i + 1);
            if (s.amplitudeNanoamps() > maxPolarizingCurrentNanoamps) {
                out.add(new LimitViolation(Limit.POLARIZING_CURRENT, where, s.amplitudeNanoamps(),
                        maxPolarizingCurrentNanoamps));
            }
            if (s.durationMicros() > maxPolarizingDurationMicros) {
                out.add(new LimitViolation(Limit.POLARIZING_DURATION, where, s.durationMicros(),
                        maxPolarizingDurationMicros));
            }
            if (s.chargeFemtocoulombs() > maxPolarizingChargeNanocoulombs * FEMTO_PER_NANO) {
                out.add(new LimitViolation(Limit.POLARIZING_CHARGE, where,
                        ceilDiv(s.chargeFemtocoulombs(), FEMTO_PER_NANO), maxPolarizingChargeNanocoulombs));
            }
        }
        return out;
    }

    /** A violation if a trial starting {@code intervalMicros} after the previous one would be too soon. */
    public List<LimitViolation> intervalViolations(long intervalMicros) {
        if (intervalMicros < minTrialIntervalMicros) {
            return List.of(new LimitViolation(Limit.TRIAL_INTERVAL, "", intervalMicros,
                    minTrialIntervalMicros));
        }
        return List.of();
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** The kinds of limit, with the unit each value is expressed in and its wire code. */
    public enum Limit {
        PULSE_CURRENT(1, "pulse current", "nA"),
        PULSE_CHARGE(2, "pulse charge", "nC"),
        POLARIZING_CURRENT(3, "polarizing current", "nA"),
        POLARIZING_CHARGE(4, "polarizing charge", "nC"),
        POLARIZING_DURATION(5, "polarizing duration", "µs"),
        TRIAL_INTERVAL(6, "trial interval", "µs");

        private final int wireCode;
        private final String label;
        private final String unit;

        Limit(int wireCode, String label, String unit) {
            this.wireCode = wireCode;
            this.label = label;
            this.unit = unit;
        }

        public int wireCode() {
            return wireCode;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }

        public static Limit fromWireCode(int code) {
            for (Limit l : values()) {
                if (l.wireCode == code) {
                    return l;
                }
            }
            throw new IllegalArgumentException("limit code " + code + " is not one of 1..6");
        }
    }
}
