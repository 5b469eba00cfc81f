package org.excitrack.gui.review;

import java.util.Locale;
import java.util.OptionalDouble;

/** How the Review step prints numbers: about four significant digits, never an exponent, as the report prints them. */
final class Numbers {
    static final String MISSING = "\u2013";

    private Numbers() {
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            return MISSING;
        }
        double a = Math.abs(v);
        String pattern = a >= 1000 ? "%.0f" : a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }

    static String format(OptionalDouble v) {
        return v.isPresent() ? format(v.getAsDouble()) : "";
    }

    /** A change with its sign, so "+0.04" and "−0.04" read apart at a glance. */
    static String signed(double v) {
        if (!Double.isFinite(v)) {
            return MISSING;
        }
        String s = format(Math.abs(v));
        return (v > 0 ? "+" : v < 0 ? "\u2212" : "") + s;
    }

    /** A z-score to one decimal, its sign kept. */
    static String z(OptionalDouble z) {
        if (z.isEmpty()) {
            return "";
        }
        double v = Math.abs(z.getAsDouble()) < 0.05 ? 0 : z.getAsDouble();
        return String.format(Locale.ROOT, "%+.1f", v).replace('-', '\u2212');
    }

    /** "0.435 ± 0.099", or empty without a norm: three significant digits, as precise as a norm is. */
    static String meanSd(OptionalDouble mean, OptionalDouble sd) {
        return mean.isPresent() && sd.isPresent() ? three(mean.getAsDouble()) + " \u00b1 " + three(sd.getAsDouble())
                : "";
    }

    static String three(double v) {
        if (!Double.isFinite(v)) {
            return MISSING;
        }
        double a = Math.abs(v);
        String pattern = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }
}
