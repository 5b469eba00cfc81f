package org.excitrack.analysis.comparison;

/**
 * One variable in one group.
 *
 * @param n recordings in the group that have the variable
 * @param mean their mean (NaN when n = 0)
 * @param sd their sample SD, divisor n − 1 (NaN when n &lt; 2)
 */
public record GroupSummary(int n, double mean, double sd) {
    static GroupSummary of(double[] values) {
        return new GroupSummary(values.length, values.length == 0 ? Double.NaN : Statistics.mean(values),
                Statistics.sd(values));
    }
}
