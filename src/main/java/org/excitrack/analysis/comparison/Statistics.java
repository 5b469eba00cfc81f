package org.excitrack.analysis.comparison;

import org.apache.commons.math3.distribution.TDistribution;

/** Sample statistics for the comparisons; package-private helpers with their preconditions. */
final class Statistics {
    /** Coverage of every interval this package computes. */
    static final double LEVEL = 0.95;

    private Statistics() {
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** Sample standard deviation (divisor n − 1); NaN for fewer than 2 values. */
    static double sd(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /**
     * The two-sided {@link #LEVEL} quantile of Student's t: t such that P(|T| ≤ t) = 0.95, i.e. the 0.975
     * quantile, for {@code df} degrees of freedom (any positive real, as Welch's approximation gives).
     */
    static double tCritical(double df) {
        if (!(df > 0) || Double.isInfinite(df)) {
            throw new IllegalArgumentException("degrees of freedom " + df + " must be positive and finite");
        }
        return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    }
}
