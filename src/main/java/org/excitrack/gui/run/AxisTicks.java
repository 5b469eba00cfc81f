package org.excitrack.gui.run;

/**
 * Round tick values for an axis (1, 2 or 5 × 10ⁿ apart), so a clinician reads "2 mA" and "10 ms", not "1.873".
 */
final class AxisTicks {
    private AxisTicks() {
    }

    /** A step that gives at most about {@code maxTicks} ticks over {@code [lo, hi]}. */
    static double step(double lo, double hi, int maxTicks) {
        double span = hi - lo;
        if (!(span > 0) || maxTicks < 1) {
            return 1;
        }
        double raw = span / maxTicks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double[] nice = {1, 2, 5, 10};
        for (double n : nice) {
            if (n * magnitude >= raw) {
                return n * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** The first tick at or above {@code lo}. */
    static double first(double lo, double step) {
        return Math.ceil(lo / step - 1e-9) * step;
    }

    /** A tick's label with as many decimals as the step needs. */
    static String label(double value, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", Math.abs(value) < step / 1e6 ? 0 : value);
    }
}
