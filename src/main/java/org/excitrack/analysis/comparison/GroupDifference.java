package org.excitrack.analysis.comparison;

import java.util.Objects;
import java.util.Optional;

/**
 * One variable compared between group A and group B.
 *
 * @param variable which variable
 * @param a group A
 * @param b group B
 * @param difference mean B − mean A, in the variable's units
 * @param interval the 95 % Welch CI of the difference; empty when a group has fewer than 2 values
 */
public record GroupDifference(VariableId variable, GroupSummary a, GroupSummary b, double difference,
        Optional<ConfidenceInterval> interval) {
    public GroupDifference {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(interval, "interval");
    }
}
