package org.excitrack.model;

import java.util.Objects;

/**
 * One rectangular constant-current pulse within a trial, timed by the unit.
 *
 * @param onsetMicros onset relative to the trial's time zero, in microseconds
 * @param widthMicros pulse width in microseconds (greater than zero)
 * @param amplitudeNanoamps current magnitude in nanoamps (zero or more); direction is given by polarity
 * @param polarity direction of the current at the active electrode
 */
public record Pulse(long onsetMicros, long widthMicros, long amplitudeNanoamps, Polarity polarity) {
    public Pulse {
        Objects.requireNonNull(polarity, "polarity");
        Checks.nonNegative(onsetMicros, "pulse onset", "µs");
        Checks.positive(widthMicros, "pulse width", "µs");
        Checks.nonNegative(amplitudeNanoamps, "pulse amplitude", "nA");
    }

    public static Pulse cathodal(long onsetMicros, long widthMicros, long amplitudeNanoamps) {
        return new Pulse(onsetMicros, widthMicros, amplitudeNanoamps, Polarity.CATHODAL);
    }

    public double amplitudeMilliamps() {
        return amplitudeNanoamps / 1e6;
    }

    /** Charge delivered by the pulse in femtocoulombs (nA × µs), exact. */
    public long chargeFemtocoulombs() {
        return Math.multiplyExact(amplitudeNanoamps, widthMicros);
    }

    public long endMicros() {
        return onsetMicros + widthMicros;
    }

    public Pulse withAmplitudeNanoamps(long nanoamps) {
        return new Pulse(onsetMicros, widthMicros, nanoamps, polarity);
    }
}
