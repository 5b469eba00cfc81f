package org.excitrack.analysis.comparison;

/**
 * A two-sided confidence interval for a difference, in the variable's units.
 *
 * @param low lower limit
 * @param high upper limit
 * @param level coverage, e.g. 0.95
 * @param degreesOfFreedom of the t distribution the limits come from (non-integer for Welch)
 */
public record ConfidenceInterval(double low, double high, double level, double degreesOfFreedom) {
    public ConfidenceInterval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("confidence interval low " + low + " is above high " + high);
        }
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
