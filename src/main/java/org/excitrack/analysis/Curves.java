package org.excitrack.analysis;

import java.util.OptionalDouble;

/**
 * Numerical helpers for the excitability variables: piecewise-linear interpolation, integer-millisecond
 * window means and least-squares slopes. Abscissae must be strictly increasing; nothing here extrapolates.
 */
final class Curves {
    private Curves() {
    }

    /**
     * Piecewise-linear interpolation of {@code ys} over {@code xs} at {@code x}; empty outside [xs[0], xs[n-1]].
     * An exact abscissa returns its own ordinate.
     */
    static OptionalDouble interpolate(double[] xs, double[] ys, double x) {
        int n = xs.length;
        if (n == 0 || x < xs[0] || x > xs[n - 1]) {
            return OptionalDouble.empty();
        }
        for (int i = 0; i < n; i++) {
            if (xs[i] == x) {
                return OptionalDouble.of(ys[i]);
            }
            if (i + 1 < n && x < xs[i + 1]) {
                double t = (x - xs[i]) / (xs[i + 1] - xs[i]);
                return OptionalDouble.of(ys[i] + t * (ys[i + 1] - ys[i]));
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * Mean of the curve linearly interpolated at every integer {@code from, from+1, …, to} (inclusive); empty when
     * any of those abscissae lies outside the curve or {@code to < from}.
     */
    static OptionalDouble integerWindowMean(double[] xs, double[] ys, int from, int to) {
        if (to < from) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (int x = from; x <= to; x++) {
            OptionalDouble y = interpolate(xs, ys, x);
            if (y.isEmpty()) {
                return OptionalDouble.empty();
            }
            sum += y.getAsDouble();
        }
        return OptionalDouble.of(sum / (to - from + 1));
    }

    /** Least-squares slope of y on x; NaN for fewer than two points or no spread in x. */
    static double slope(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }

    /** Least-squares intercept of y on x; NaN for fewer than two points or no spread in x. */
    static double intercept(double[] x, double[] y) {
        double b = slope(x, y);
        if (Double.isNaN(b)) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        return my / x.length - b * mx / x.length;
    }
}
