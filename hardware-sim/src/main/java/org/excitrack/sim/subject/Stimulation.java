package org.excitrack.sim.subject;

import java.util.List;
import org.excitrack.model.TrialSpec;
import org.excitrack.sim.cortex.MagneticPulse;

/**
 * Everything that reached the virtual person in one trial.
 *
 * @param delivered the currents as the unit delivered them
 * @param magnetic magnetic pulses fired by stimulators on the unit's trigger outputs, times from the trial's zero
 * @param durationMicros how long the trial is recorded, µs
 */
public record Stimulation(TrialSpec delivered, List<MagneticPulse> magnetic, long durationMicros) {
    public Stimulation {
        magnetic = List.copyOf(magnetic);
    }

    /** Currents only, no magnetic stimulation. */
    public static Stimulation electrical(TrialSpec delivered, long durationMicros) {
        return new Stimulation(delivered, List.of(), durationMicros);
    }
}
