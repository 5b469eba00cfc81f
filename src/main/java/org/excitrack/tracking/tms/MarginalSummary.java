package org.excitrack.tracking.tms;

/** Mean, SD, quantiles and tail masses of a distribution given as weights on an increasing grid. */
record MarginalSummary(double[] grid, double[] cumulative, double mean, double sd) {

    /** @param weights non-negative, summing to 1 */
    static MarginalSummary of(double[] grid, double[] weights) {
        double mean = 0;
        double[] cumulative = new double[grid.length];
        double running = 0;
        for (int i = 0; i < grid.length; i++) {
            mean += weights[i] * grid[i];
            running += weights[i];
            cumulative[i] = running;
        }
        double variance = 0;
        for (int i = 0; i < grid.length; i++) {
            variance += weights[i] * (grid[i] - mean) * (grid[i] - mean);
        }
        return new MarginalSummary(grid, cumulative, mean, Math.sqrt(variance));
    }

    /** The p-quantile, interpolated linearly between grid points (each holding its mass at its value). */
    double quantile(double p) {
        for (int i = 0; i < grid.length; i++) {
            if (cumulative[i] >= p) {
                if (i == 0) {
                    return grid[0];
                }
                double below = cumulative[i - 1];
                double f = (p - below) / (cumulative[i] - below);
                return grid[i - 1] + f * (grid[i] - grid[i - 1]);
            }
        }
        return grid[grid.length - 1];
    }

    /** Mass at grid values strictly above {@code x}. */
    double massAbove(double x) {
        double mass = 0;
        for (int i = grid.length - 1; i >= 0 && grid[i] > x; i--) {
            mass += cumulative[i] - (i > 0 ? cumulative[i - 1] : 0);
        }
        return mass;
    }

    /** Mass at grid values strictly below {@code x}. */
    double massBelow(double x) {
        double mass = 0;
        for (int i = 0; i < grid.length && grid[i] < x; i++) {
            mass = cumulative[i];
        }
        return mass;
    }
}
