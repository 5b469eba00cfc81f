package org.excitrack.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.excitrack.model.excitability.ChargeDurationPoint;
import org.excitrack.model.excitability.CurrentThresholdPoint;
import org.excitrack.model.excitability.ElectrotonusCurve;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.RecoveryPoint;
import org.excitrack.model.excitability.StimulusResponseCurve;

/**
 * Normal bands (mean ± {@link Band#SDS} SD) of the five TRONDNF curves, from healthy recordings. Each healthy curve
 * is interpolated linearly onto a fixed grid (the recovery cycle on log interval); a curve contributes only inside
 * its own measured range, never by extrapolation.
 *
 * <p>Grids: stimulus-response 2–98 % of maximum in 2 % steps (band in mA, 1-ms column); charge-duration
 * 0.2–1.0 ms in 0.1 ms steps (band in mA·ms); threshold electrotonus 0–210 ms in 1 ms steps, one band per
 * conditioning current (keyed by the rounded %); I/V −100…+50 % of threshold in 5 % steps (band in threshold
 * reduction %); recovery cycle 40 log-spaced intervals from 2 to 200 ms (band in threshold change %).
 *
 * @param curves how many healthy recordings the bands come from
 * @param electrotonus by conditioning current, % of threshold (rounded), in first-seen order
 */
public record NormalBands(int curves, Band stimulusResponse, Band chargeDuration, Map<Integer, Band> electrotonus,
        Band currentThreshold, Band recoveryCycle) {
    /** A grid point needs this many healthy curves for a band value. */
    public static final int MIN_CURVES = 3;

    public NormalBands {
        electrotonus = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(electrotonus));
    }

    public Optional<Band> electrotonus(double conditioningPercent) {
        return Optional.ofNullable(electrotonus.get((int) Math.round(conditioningPercent)));
    }

    public static NormalBands from(List<ExcitabilityRecording> healthy) {
        double[] srGrid = IntStream.rangeClosed(1, 49).mapToDouble(i -> 2.0 * i).toArray();
        double[] cdGrid = IntStream.rangeClosed(2, 10).mapToDouble(i -> i / 10.0).toArray();
        double[] teGrid = IntStream.rangeClosed(0, 210).mapToDouble(i -> i).toArray();
        double[] ivGrid = IntStream.rangeClosed(-20, 10).mapToDouble(i -> 5.0 * i).toArray();
        double[] rcGrid = IntStream.range(0, 40).mapToDouble(i -> Math.pow(10, Math.log10(2) + i * 2.0 / 39)).toArray();

        List<double[][]> sr = new ArrayList<>();
        List<double[][]> cd = new ArrayList<>();
        List<double[][]> iv = new ArrayList<>();
        List<double[][]> rc = new ArrayList<>();
        Map<Integer, List<double[][]>> te = new LinkedHashMap<>();
        for (ExcitabilityRecording r : healthy) {
            sr.add(stimulusResponse(r.stimulusResponse()));
            cd.add(xy(r.chargeDuration(), ChargeDurationPoint::widthMillis, ChargeDurationPoint::chargeMilliampMillis));
            iv.add(xy(r.currentThreshold(), CurrentThresholdPoint::currentPercent,
                    CurrentThresholdPoint::thresholdReductionPercent));
            rc.add(xy(r.recoveryCycle(), p -> Math.log10(p.intervalMillis()), RecoveryPoint::thresholdChangePercent));
            for (ElectrotonusCurve c : r.electrotonus()) {
                te.computeIfAbsent((int) Math.round(c.conditioningPercent()), k -> new ArrayList<>())
                        .add(xy(c.points(), ElectrotonusCurve.Point::delayMillis,
                                ElectrotonusCurve.Point::thresholdReductionPercent));
            }
        }
        Map<Integer, Band> teBands = new LinkedHashMap<>();
        te.forEach((k, v) -> teBands.put(k, band(teGrid, teGrid, v)));
        double[] rcLog = java.util.Arrays.stream(rcGrid).map(Math::log10).toArray();
        return new NormalBands(healthy.size(), band(srGrid, srGrid, sr), band(cdGrid, cdGrid, cd), teBands,
                band(ivGrid, ivGrid, iv), band(rcGrid, rcLog, rc));
    }

    /** The stimulus column for the 1-ms test (or the last column), against % of maximum. */
    static double[][] stimulusResponse(StimulusResponseCurve sr) {
        int column = column(sr);
        List<double[]> points = new ArrayList<>();
        for (StimulusResponseCurve.Point p : sr.points()) {
            if (column >= 0 && column < p.stimulusMilliamps().size()) {
                points.add(new double[] {p.percentOfMaximum(), p.stimulusMilliamps().get(column)});
            }
        }
        return xy(points, a -> a[0], a -> a[1]);
    }

    /** Index of the stimulus column measured with the width closest to 1 ms; -1 when there is none. */
    static int column(StimulusResponseCurve sr) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < sr.maximalResponses().size(); i++) {
            double d = Math.abs(sr.maximalResponses().get(i).widthMillis() - 1.0);
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        if (best < 0 && !sr.points().isEmpty()) {
            best = sr.points().get(0).stimulusMilliamps().size() - 1;
        }
        return best;
    }

    /** Finite points sorted by x, as {xs, ys}. */
    static <T> double[][] xy(List<T> points, ToDoubleFunction<T> x, ToDoubleFunction<T> y) {
        List<double[]> finite = new ArrayList<>();
        for (T p : points) {
            double px = x.applyAsDouble(p);
            double py = y.applyAsDouble(p);
            if (Double.isFinite(px) && Double.isFinite(py)) {
                finite.add(new double[] {px, py});
            }
        }
        finite.sort(Comparator.comparingDouble(a -> a[0]));
        return new double[][] {finite.stream().mapToDouble(a -> a[0]).toArray(),
            finite.stream().mapToDouble(a -> a[1]).toArray()};
    }

    /** Linear interpolation of a sorted curve at {@code x}; NaN outside its range. */
    static double interpolate(double[] xs, double[] ys, double x) {
        if (xs.length == 0 || x < xs[0] - 1e-9 || x > xs[xs.length - 1] + 1e-9) {
            return Double.NaN;
        }
        for (int i = 0; i < xs.length; i++) {
            if (Math.abs(xs[i] - x) <= 1e-9) {
                return ys[i];
            }
            if (xs[i] > x) {
                double t = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
                return ys[i - 1] + t * (ys[i] - ys[i - 1]);
            }
        }
        return Double.NaN;
    }

    /**
     * @param grid the grid as reported
     * @param at the grid in the curves' x units (e.g. log interval)
     */
    static Band band(double[] grid, double[] at, List<double[][]> curves) {
        double[] mean = new double[grid.length];
        double[] sd = new double[grid.length];
        int[] count = new int[grid.length];
        for (int i = 0; i < grid.length; i++) {
            double sum = 0;
            double sumSq = 0;
            int n = 0;
            List<Double> values = new ArrayList<>();
            for (double[][] c : curves) {
                double v = interpolate(c[0], c[1], at[i]);
                if (Double.isFinite(v)) {
                    values.add(v);
                    sum += v;
                    n++;
                }
            }
            count[i] = n;
            if (n < MIN_CURVES) {
                mean[i] = Double.NaN;
                sd[i] = Double.NaN;
                continue;
            }
            double m = sum / n;
            for (double v : values) {
                sumSq += (v - m) * (v - m);
            }
            mean[i] = m;
            sd[i] = Math.sqrt(sumSq / (n - 1));
        }
        return new Band(grid, mean, sd, count);
    }
}
