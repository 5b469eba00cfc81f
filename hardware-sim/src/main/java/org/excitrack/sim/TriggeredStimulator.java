package org.excitrack.sim;

import java.util.List;
import java.util.Optional;
import org.excitrack.model.TriggerOut;
import org.excitrack.sim.cortex.MagneticPulse;

/**
 * A (virtual) magnetic stimulator wired to one of the acquisition unit's trigger outputs: firing by the unit's
 * trigger gives the stimulus its timing to the microsecond, and the unit records the MEP in the same sweep.
 * Implementations keep their own state (armed, power, recharge) and are called on the unit's thread.
 */
public interface TriggeredStimulator {
    /** The pulse delivered in answer to {@code trigger}, if this stimulator is on that line and fires. */
    Optional<MagneticPulse> onTrigger(TriggerOut trigger);

    /**
     * Every pulse delivered in answer to {@code trigger}: a stimulator that discharges two outputs on one line (a
     * BiStim² in BiStim mode: A, then B after its own interval) returns both. By default, {@link #onTrigger}'s.
     */
    default List<MagneticPulse> pulsesFor(TriggerOut trigger) {
        return onTrigger(trigger).map(List::of).orElse(List.of());
    }
}
