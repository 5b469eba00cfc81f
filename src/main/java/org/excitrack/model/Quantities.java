package org.excitrack.model;

import java.util.Locale;

/** Formats integer quantities in the most readable unit for people (nA → mA, µs → ms, nC → µC). */
public final class Quantities {
    private Quantities() {
    }

    public static String format(long value, String unit) {
        return switch (unit) {
            case "nA" -> String.format(Locale.ROOT, "%.3f mA", value / 1e6);
            case "µs" -> value >= 10_000 ? trimmed(value / 1e3) + " ms" : value + " µs";
            case "nC" -> value >= 1_000_000 ? String.format(Locale.ROOT, "%.3f mC", value / 1e6)
                    : String.format(Locale.ROOT, "%.3f µC", value / 1e3);
            default -> value + (unit.isEmpty() ? "" : " " + unit);
        };
    }

    /** Up to three decimals, without trailing zeros: 1000 → "1000", 1000.04 → "1000.04". */
    private static String trimmed(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    public static String milliamps(long nanoamps) {
        return format(nanoamps, "nA");
    }
}
