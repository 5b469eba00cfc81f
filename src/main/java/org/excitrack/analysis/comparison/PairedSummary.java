package org.excitrack.analysis.comparison;

import java.util.Objects;
import java.util.Optional;

/**
 * One variable over a series of subjects each recorded twice: the paired differences d = later − earlier.
 *
 * @param variable which variable
 * @param n pairs in which both recordings have the variable
 * @param meanDifference mean of d (NaN when n = 0)
 * @param sdDifference sample SD of d, divisor n − 1 (NaN when n &lt; 2)
 * @param interval the 95 % CI of the mean difference (t distribution, n − 1 df); empty when n &lt; 2
 */
public record PairedSummary(VariableId variable, int n, double meanDifference, double sdDifference,
        Optional<ConfidenceInterval> interval) {
    public PairedSummary {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(interval, "interval");
    }
}
