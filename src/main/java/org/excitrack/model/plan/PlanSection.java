package org.excitrack.model.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A part of the protocol, run in order.
 *
 * @param backgroundEmg the section's own pre-stimulus EMG band ({@code background EMG MIN to MAX} written in the
 *     section), in place of the settings' for this section's magnetic trials; empty to use the settings'
 */
public record PlanSection(String name, List<PlanStep> steps, Optional<EmgBand> backgroundEmg) {
    public PlanSection {
        steps = List.copyOf(steps);
        Objects.requireNonNull(backgroundEmg, "backgroundEmg");
    }

    public PlanSection(String name, List<PlanStep> steps) {
        this(name, steps, Optional.empty());
    }
}
