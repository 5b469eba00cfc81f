package org.excitrack.sim.cortex;

/**
 * A peripheral nerve stimulus whose afferent volley reaches the sensorimotor cortex, for short-latency afferent
 * inhibition (SAI). The onset is the time of the stimulus at the nerve, not of its arrival, because SAI intervals
 * are quoted from the nerve stimulus: the conduction time to cortex (≈ the N20 latency) is part of the model.
 *
 * @param onsetMicros nerve stimulus onset after the trial's time zero, µs
 * @param recruitedFraction fraction of the nerve's axons the stimulus recruited at the stimulation site, 0..1
 */
public record AfferentVolley(long onsetMicros, double recruitedFraction) {

    public AfferentVolley {
        if (onsetMicros < 0) {
            throw new IllegalArgumentException("volley onset " + onsetMicros + " µs must not be negative");
        }
        if (!(recruitedFraction >= 0 && recruitedFraction <= 1)) {
            throw new IllegalArgumentException("recruited fraction " + recruitedFraction + " must lie in 0..1");
        }
    }
}
