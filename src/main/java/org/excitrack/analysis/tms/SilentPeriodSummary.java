package org.excitrack.analysis.tms;

import java.util.Arrays;

/**
 * The cortical silent periods of one block of trials, summarised.
 *
 * @param trials how many silent periods were measured
 * @param meanMillis their mean duration, ms
 * @param sdMillis their standard deviation, ms (NaN for one trial)
 * @param medianMillis their median, ms
 * @param minMillis the shortest, ms
 * @param maxMillis the longest, ms
 */
public record SilentPeriodSummary(int trials, double meanMillis, double sdMillis, double medianMillis,
                                  double minMillis, double maxMillis) {

    /**
     * @param durationsMillis one duration per trial (by whichever definition, e.g. from the MEP onset), ms
     * @throws IllegalArgumentException when empty or a duration is negative or not finite
     */
    public static SilentPeriodSummary of(double[] durationsMillis) {
        if (durationsMillis.length == 0) {
            throw new IllegalArgumentException("no silent periods to summarise");
        }
        for (double d : durationsMillis) {
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("silent period " + d + " ms must be finite and not negative");
            }
        }
        double[] sorted = durationsMillis.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double mean = Arrays.stream(sorted).average().orElseThrow();
        double sd = n > 1 ? Math.sqrt(Arrays.stream(sorted).map(d -> (d - mean) * (d - mean)).sum() / (n - 1))
                : Double.NaN;
        double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        return new SilentPeriodSummary(n, mean, sd, median, sorted[0], sorted[n - 1]);
    }
}
