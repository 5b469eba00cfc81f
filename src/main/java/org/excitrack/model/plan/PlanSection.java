package org.excitrack.model.plan;

import java.util.List;

public record PlanSection(String name, List<PlanStep> steps) {
    public PlanSection {
        steps = List.copyOf(steps);
    }
}
