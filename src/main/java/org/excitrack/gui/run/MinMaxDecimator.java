package org.excitrack.gui.run;

/**
 * Reduces a series to what a screen can show: per pixel column the smallest and largest value that falls in it.
 * Drawing a vertical line from min to max in each column keeps every peak (a CMAP's negative peak, a spike of
 * noise) that plain subsampling would lose, and the cost of drawing no longer grows with the number of samples.
 */
final class MinMaxDecimator {
    private final double[] min;
    private final double[] max;

    /** @param maxColumns the widest plot area, in pixels, this decimator will be asked for */
    MinMaxDecimator(int maxColumns) {
        min = new double[maxColumns];
        max = new double[maxColumns];
    }

    /**
     * Evenly spaced samples (a sweep) to {@code columns} columns; a column no sample falls in is marked empty
     * (NaN). Sample {@code i} falls in column {@code floor(i * columns / n)}.
     *
     * @return the number of columns filled, {@code min(columns, n)} when there are fewer samples than columns
     */
    int evenly(double[] samples, int n, int columns) {
        int cols = Math.min(Math.min(columns, min.length), n);
        if (cols <= 0) {
            return 0;
        }
        clear(cols);
        for (int i = 0; i < n; i++) {
            int c = (int) ((long) i * cols / n);
            put(c, samples[i]);
        }
        return cols;
    }

    /**
     * Points at any x (a tracking plot's trials) to columns over {@code [x0, x1]}; points outside are skipped.
     *
     * @return the number of columns ({@code columns}, capped to this decimator's width)
     */
    int byX(double[] x, double[] y, int n, double x0, double x1, int columns) {
        int cols = Math.min(columns, min.length);
        if (cols <= 0 || !(x1 > x0)) {
            return 0;
        }
        clear(cols);
        double perColumn = (x1 - x0) / cols;
        for (int i = 0; i < n; i++) {
            if (x[i] < x0 || x[i] > x1 || Double.isNaN(y[i])) {
                continue;
            }
            int c = Math.min(cols - 1, (int) ((x[i] - x0) / perColumn));
            put(c, y[i]);
        }
        return cols;
    }

    /** The smallest value in column {@code c}, NaN when the column is empty. */
    double min(int c) {
        return min[c];
    }

    double max(int c) {
        return max[c];
    }

    private void clear(int cols) {
        java.util.Arrays.fill(min, 0, cols, Double.NaN);
        java.util.Arrays.fill(max, 0, cols, Double.NaN);
    }

    private void put(int c, double v) {
        if (Double.isNaN(min[c]) || v < min[c]) {
            min[c] = v;
        }
        if (Double.isNaN(max[c]) || v > max[c]) {
            max[c] = v;
        }
    }
}
