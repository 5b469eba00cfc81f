package org.excitrack.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.excitrack.model.excitability.ElectrotonusCurve;

/**
 * One threshold-electrotonus curve prepared for the QtracP measures: points sorted by delay, and the integer
 * delays at which the polarizing current starts ({@code onset}, 10 ms in TRONDNF) and stops ({@code offset},
 * 110 ms), read from the curve's own current column. Values are threshold reduction, % (+ = more excitable).
 */
final class Electrotonus {
    /** Half-width of QtracP's peak / undershoot / overshoot averaging window: 21 one-ms samples. */
    static final int HALF_WINDOW_MILLIS = 10;
    /** The post-pulse search for undershoot and overshoot ends this long after the current stops. */
    static final int POST_PULSE_SPAN_MILLIS = 90;

    private final double[] delays;
    private final double[] values;
    private final int onset;
    private final int offset;

    private Electrotonus(double[] delays, double[] values, int onset, int offset) {
        this.delays = delays;
        this.values = values;
        this.onset = onset;
        this.offset = offset;
    }

    /** The curve recorded with this conditioning current (% threshold), if present and usable. */
    static Optional<Electrotonus> find(List<ElectrotonusCurve> curves, double conditioningPercent) {
        return curves.stream().filter(c -> c.conditioningPercent() == conditioningPercent).findFirst()
                .flatMap(Electrotonus::of);
    }

    static Optional<Electrotonus> of(ElectrotonusCurve curve) {
        TreeMap<Double, ElectrotonusCurve.Point> byDelay = new TreeMap<>();
        curve.points().stream().filter(p -> Double.isFinite(p.delayMillis())
                        && Double.isFinite(p.thresholdReductionPercent()))
                .sorted(Comparator.comparingDouble(ElectrotonusCurve.Point::delayMillis))
                .forEach(p -> byDelay.putIfAbsent(p.delayMillis(), p));
        double[] d = byDelay.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] v = byDelay.values().stream().mapToDouble(ElectrotonusCurve.Point::thresholdReductionPercent)
                .toArray();
        Double on = null;
        Double off = null;
        for (ElectrotonusCurve.Point p : byDelay.values()) {
            if (on == null && p.currentPercent() != 0) {
                on = p.delayMillis();
            } else if (on != null && off == null && p.currentPercent() == 0) {
                off = p.delayMillis();
            }
        }
        if (on == null || off == null || d.length < 2) {
            return Optional.empty();
        }
        return Optional.of(new Electrotonus(d, v, (int) Math.round(on), (int) Math.round(off)));
    }

    /**
     * QtracP's "TEx(a-b ms)": the mean of the curve interpolated at every integer delay from onset+a to
     * onset+b inclusive, the end clipped to the last delay before the current stops (offset − 1; so
     * "90-100 ms" averages delays 100…109 in TRONDNF).
     */
    OptionalDouble windowMean(int fromAfterOnset, int toAfterOnset) {
        return Curves.integerWindowMean(delays, values, onset + fromAfterOnset,
                Math.min(onset + toAfterOnset, offset - 1));
    }

    /**
     * The largest mean of 21 one-ms samples (centre ± 10 ms) whose window lies within the current
     * (onset … offset − 1); returns {mean, centre delay}.
     */
    Optional<double[]> peak() {
        return extremeRunningMean(onset + HALF_WINDOW_MILLIS, offset - 1 - HALF_WINDOW_MILLIS, true);
    }

    /**
     * The most negative (or most positive, {@code highest}) 21-sample running mean whose window lies within
     * offset … offset + 90 ms (110…200 ms in TRONDNF).
     */
    OptionalDouble postPulseExtreme(boolean highest) {
        return extremeRunningMean(offset + HALF_WINDOW_MILLIS, offset + POST_PULSE_SPAN_MILLIS - HALF_WINDOW_MILLIS,
                highest).map(r -> OptionalDouble.of(r[0])).orElse(OptionalDouble.empty());
    }

    private Optional<double[]> extremeRunningMean(int firstCentre, int lastCentre, boolean highest) {
        double[] best = null;
        for (int c = firstCentre; c <= lastCentre; c++) {
            OptionalDouble m = Curves.integerWindowMean(delays, values, c - HALF_WINDOW_MILLIS, c + HALF_WINDOW_MILLIS);
            if (m.isPresent() && (best == null
                    || (highest ? m.getAsDouble() > best[0] : m.getAsDouble() < best[0]))) {
                best = new double[] {m.getAsDouble(), c};
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Time (ms after onset) at which the curve, sampled at integer delays from {@code fromDelay} and linearly
     * interpolated between them, first falls below {@code level} while the current still flows.
     */
    OptionalDouble firstFallBelow(double level, int fromDelay) {
        for (int d = fromDelay; d + 1 <= offset - 1; d++) {
            OptionalDouble a = Curves.interpolate(delays, values, d);
            OptionalDouble b = Curves.interpolate(delays, values, d + 1);
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            double ya = a.getAsDouble();
            double yb = b.getAsDouble();
            if (ya >= level && yb < level) {
                return OptionalDouble.of(d + (ya - level) / (ya - yb) - onset);
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * Least-squares slope (%/ms) of the curve interpolated at every integer delay from
     * {@code onset + fromAfterOnset} to {@code onset + toAfterOnset} inclusive.
     */
    OptionalDouble slope(int fromAfterOnset, int toAfterOnset) {
        int from = onset + fromAfterOnset;
        int to = onset + toAfterOnset;
        int n = to - from + 1;
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            OptionalDouble v = Curves.interpolate(delays, values, from + i);
            if (v.isEmpty()) {
                return OptionalDouble.empty();
            }
            x[i] = from + i;
            y[i] = v.getAsDouble();
        }
        return OptionalDouble.of(Curves.slope(x, y));
    }
}
