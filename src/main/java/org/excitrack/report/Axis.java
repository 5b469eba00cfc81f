package org.excitrack.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A linear or base-10 logarithmic axis range with "nice" tick values. */
record Axis(double min, double max, boolean log) {
    Axis {
        if (!(min < max) || (log && min <= 0)) {
            throw new IllegalArgumentException("axis range " + min + " to " + max + (log ? " (log)" : "") + " is empty");
        }
    }

    /** A linear axis covering {@code lo..hi}, widened to whole tick steps (about 5 ticks). */
    static Axis nice(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new Axis(0, 1, false);
        }
        if (hi - lo < 1e-9) {
            lo -= 1;
            hi += 1;
        }
        double step = step(lo, hi);
        return new Axis(Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step, false);
    }

    static Axis logarithmic(double lo, double hi) {
        return new Axis(lo, hi, true);
    }

    /** Position of {@code v} along the axis, 0 at {@link #min} and 1 at {@link #max}. */
    double fraction(double v) {
        return log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : (v - min) / (max - min);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (int decade = (int) Math.floor(Math.log10(min)); decade <= Math.ceil(Math.log10(max)); decade++) {
                for (double m : new double[] {1, 2, 5}) {
                    double v = m * Math.pow(10, decade);
                    if (v >= min * 0.999 && v <= max * 1.001) {
                        ticks.add(v);
                    }
                }
            }
            return ticks;
        }
        double step = step(min, max);
        for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-6; v += step) {
            ticks.add(Math.abs(v) < step * 1e-6 ? 0.0 : v);
        }
        return ticks;
    }

    String label(double v) {
        double step = log ? v : step(min, max);
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static double step(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / magnitude;
        return (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * magnitude;
    }
}
