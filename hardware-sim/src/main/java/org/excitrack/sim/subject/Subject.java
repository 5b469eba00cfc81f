package org.excitrack.sim.subject;

import java.util.Random;
import org.excitrack.model.TrialSpec;

/** A virtual person's nerve and muscle: what the recording electrodes see when a trial is delivered. */
public interface Subject {
    /**
     * The signal at the recording electrodes for one delivered trial.
     *
     * @param delivered the trial as the unit actually delivered it
     * @param random the unit's seeded source of trial-to-trial variability
     */
    ElectrodeSignal respond(TrialSpec delivered, Random random);

    /** A short human-readable account of the model and its parameters. */
    String describe();
}
