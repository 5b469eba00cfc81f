package org.excitrack.bench;

import java.util.Arrays;

/**
 * Percentiles of a set of measured durations, in microseconds. Nearest-rank percentiles: every figure is a
 * duration that was actually measured, never an interpolation between two.
 */
record LatencySummary(int count, double p50Micros, double p90Micros, double p99Micros, double maxMicros,
                      double meanMicros) {

    static LatencySummary ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return new LatencySummary(sorted.length, micros(rank(sorted, 50)), micros(rank(sorted, 90)),
                micros(rank(sorted, 99)), micros(sorted[sorted.length - 1]), sum / sorted.length / 1000.0);
    }

    /** The same measurements with a fixed duration taken off each one. */
    static LatencySummary ofNanosMinus(long[] nanos, long subtractNanos) {
        long[] less = new long[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            less[i] = nanos[i] - subtractNanos;
        }
        return ofNanos(less);
    }

    private static long rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
