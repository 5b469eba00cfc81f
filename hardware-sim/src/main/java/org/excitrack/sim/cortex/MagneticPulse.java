package org.excitrack.sim.cortex;

/**
 * One magnetic pulse over the motor cortex hot spot, as the stimulator delivered it.
 *
 * @param onsetMicros pulse onset after the trial's time zero, µs
 * @param intensityPercent stimulator output in % of its maximum (%MSO), 0–100; 0 means the channel did not fire
 */
public record MagneticPulse(long onsetMicros, double intensityPercent) {

    public MagneticPulse {
        if (onsetMicros < 0) {
            throw new IllegalArgumentException("pulse onset " + onsetMicros + " µs must not be negative");
        }
        if (!(intensityPercent >= 0 && intensityPercent <= 100)) {
            throw new IllegalArgumentException("intensity " + intensityPercent + " %MSO must lie in 0..100");
        }
    }

    boolean fired() {
        return intensityPercent > 0;
    }
}
