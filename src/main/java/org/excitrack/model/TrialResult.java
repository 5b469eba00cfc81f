package org.excitrack.model;

import java.util.List;
import java.util.Objects;

/**
 * What the unit reports after a trial: what it actually delivered (measured), when, and the sweep.
 *
 * @param trialId the id of the trial this answers
 * @param startUnitTimeMicros the unit's monotonic clock at the trial's time zero, in microseconds
 */
public record TrialResult(
        long trialId,
        long startUnitTimeMicros,
        List<Pulse> deliveredPulses,
        List<PolarizingStep> deliveredPolarizing,
        List<TriggerOut> deliveredTriggers,
        Sweep sweep) {

    public TrialResult {
        deliveredPulses = List.copyOf(deliveredPulses);
        deliveredPolarizing = List.copyOf(deliveredPolarizing);
        deliveredTriggers = List.copyOf(deliveredTriggers);
        Objects.requireNonNull(sweep, "sweep");
    }
}
