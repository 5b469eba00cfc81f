package org.excitrack.analysis;

/**
 * The central 95 % (2.5–97.5 %) of the healthy distribution of one variable, on the variable's own scale and units.
 *
 * @param low the 2.5 % limit
 * @param high the 97.5 % limit
 */
public record NormalRange(double low, double high) {
    public NormalRange {
        if (!(low <= high)) {
            throw new IllegalArgumentException("normal range low " + low + " is above high " + high);
        }
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }
}
