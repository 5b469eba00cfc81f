package org.excitrack.model;

import java.util.Objects;

/**
 * A long, low constant current applied through the stimulating electrodes (threshold electrotonus, I/V).
 *
 * @param onsetMicros onset relative to the trial's time zero, in microseconds
 * @param durationMicros how long the current flows, in microseconds
 * @param amplitudeNanoamps current magnitude in nanoamps; direction is given by polarity
 * @param polarity cathodal = depolarizing, anodal = hyperpolarizing
 */
public record PolarizingStep(long onsetMicros, long durationMicros, long amplitudeNanoamps, Polarity polarity) {
    public PolarizingStep {
        Objects.requireNonNull(polarity, "polarity");
        Checks.nonNegative(onsetMicros, "polarizing onset", "µs");
        Checks.positive(durationMicros, "polarizing duration", "µs");
        Checks.nonNegative(amplitudeNanoamps, "polarizing amplitude", "nA");
    }

    /** Charge in femtocoulombs (nA × µs), exact. */
    public long chargeFemtocoulombs() {
        return Math.multiplyExact(amplitudeNanoamps, durationMicros);
    }

    public long endMicros() {
        return onsetMicros + durationMicros;
    }
}
