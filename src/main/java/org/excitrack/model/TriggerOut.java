package org.excitrack.model;

/**
 * A TTL pulse on one of the unit's trigger outputs, used to fire a magnetic stimulator in time with a trial.
 *
 * @param line trigger output line, from 0
 * @param onsetMicros onset relative to the trial's time zero, in microseconds
 * @param widthMicros width of the TTL pulse in microseconds
 */
public record TriggerOut(int line, long onsetMicros, long widthMicros) {
    public TriggerOut {
        Checks.nonNegative(line, "trigger line", "");
        Checks.nonNegative(onsetMicros, "trigger onset", "µs");
        Checks.positive(widthMicros, "trigger width", "µs");
    }
}
