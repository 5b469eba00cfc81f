package org.excitrack.sim.subject;

import java.util.Random;

/** A virtual person's nerve, cortex and muscle: what the recording electrodes see when a trial is delivered. */
public interface Subject {
    /**
     * The signal at the recording electrodes for one delivered trial.
     *
     * @param stimulation what reached the person: the unit's currents, and any magnetic pulses its trigger fired
     * @param random the unit's seeded source of trial-to-trial variability
     */
    ElectrodeSignal respond(Stimulation stimulation, Random random);

    /** A short human-readable account of the model and its parameters. */
    String describe();
}
