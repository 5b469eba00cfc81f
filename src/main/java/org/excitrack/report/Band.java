package org.excitrack.report;

import java.util.Arrays;

/**
 * The healthy range of one curve at each point of a common grid: the mean and sample SD of the healthy curves
 * interpolated there. The grid is the quantity the protocol sets (response level, width, delay, current,
 * interval); the values are what was measured, in the curve's units. Where fewer than {@link NormalBands#MIN_CURVES}
 * healthy curves reach a grid point, mean and SD are NaN.
 *
 * @param count how many healthy curves contributed at each grid point
 */
public record Band(double[] grid, double[] mean, double[] sd, int[] count) {
    /** Band width in SDs either side of the mean. */
    public static final double SDS = 2.0;

    public Band {
        if (grid.length != mean.length || grid.length != sd.length || grid.length != count.length) {
            throw new IllegalArgumentException("band arrays differ in length: grid " + grid.length + ", mean "
                    + mean.length + ", sd " + sd.length + ", count " + count.length);
        }
        grid = grid.clone();
        mean = mean.clone();
        sd = sd.clone();
        count = count.clone();
    }

    @Override
    public double[] grid() {
        return grid.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] sd() {
        return sd.clone();
    }

    @Override
    public int[] count() {
        return count.clone();
    }

    public int size() {
        return grid.length;
    }

    public double gridAt(int i) {
        return grid[i];
    }

    public double low(int i) {
        return mean[i] - SDS * sd[i];
    }

    public double high(int i) {
        return mean[i] + SDS * sd[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Band b && Arrays.equals(grid, b.grid) && Arrays.equals(mean, b.mean)
                && Arrays.equals(sd, b.sd) && Arrays.equals(count, b.count);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(grid) * 31 + Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "Band[" + grid.length + " points]";
    }
}
