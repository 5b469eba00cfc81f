package org.excitrack.storage.recording;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.excitrack.model.tms.DeliveredMagneticPulse;
import org.excitrack.model.tms.MagneticThreshold;
import org.excitrack.model.tms.StimulatorIdentity;

/**
 * The magnetic part of a recording (schema 3): the stimulator used, each trial's magnetic pulses as they were set
 * up, and the magnetic thresholds found. Empty for a nerve recording.
 *
 * @param pulses by trial id, in onset order
 */
public record MagneticRecord(Optional<StimulatorIdentity> stimulator, Map<Long, List<DeliveredMagneticPulse>> pulses,
                             List<Threshold> thresholds) {
    public static final MagneticRecord NONE = new MagneticRecord(Optional.empty(), Map.of(), List.of());

    public MagneticRecord {
        Objects.requireNonNull(stimulator, "stimulator");
        pulses = Map.copyOf(pulses);
        thresholds = List.copyOf(thresholds);
    }

    /** A magnetic threshold by section, point (empty for a motor threshold) and channel name. */
    public record Threshold(String section, String point, String channel, MagneticThreshold threshold) {
    }
}
