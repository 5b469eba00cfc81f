package org.excitrack.model;

import java.util.Locale;

/** Formats integer quantities in the most readable unit for people (nA → mA, µs → ms, nC → µC). */
public final class Quantities {
    private Quantities() {
    }

    public static String format(long value, String unit) {
        return switch (unit) {
            case "nA" -> String.format(Locale.ROOT, "%.3f mA", value / 1e6);
            case "µs" -> value >= 10_000 ? (value % 1000 == 0 ? value / 1000 + " ms"
                    : String.format(Locale.ROOT, "%.1f ms", value / 1e3)) : String.format(Locale.ROOT, "%d µs", value);
            case "nC" -> value >= 1_000_000 ? String.format(Locale.ROOT, "%.3f mC", value / 1e6)
                    : String.format(Locale.ROOT, "%.3f µC", value / 1e3);
            default -> value + (unit.isEmpty() ? "" : " " + unit);
        };
    }

    public static String milliamps(long nanoamps) {
        return format(nanoamps, "nA");
    }
}
