package org.excitrack.sim.nerve;

/**
 * The layer-specific heart of a virtual nerve: how excitable one motor axon is at a test pulse, given what
 * came before it in the trial. The biophysical layer answers by simulating membrane currents; the
 * phenomenological layer by closed-form factors whose true values are its parameters.
 *
 * <p>Implementations are deterministic (noise belongs to the population) and may cache by condition.
 */
public interface AxonExcitability {

    /**
     * The threshold of pulse {@code testIndex} of {@code trial}: the smallest amplitude, as a multiple of the
     * axon's resting 1 ms threshold, at which that pulse fires the axon, with every other current of the trial
     * as given. {@code Double.POSITIVE_INFINITY} when no amplitude would (absolute refractoriness).
     *
     * <p>The amplitude given for the test pulse itself is ignored. Pulses after the test pulse do not matter.
     *
     * @param lastFiredPulse index of the latest earlier pulse on which the axon fired, or -1 if none; the
     *     population decides this, since a unit whose own threshold a conditioning pulse exceeded fires on it
     */
    double thresholdFactor(NormalizedTrial trial, int testIndex, int lastFiredPulse);

    /** Which layer and parameters, in a line for people. */
    String describe();
}
