package org.excitrack.model;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses quantities written by people, with their unit: {@code 1ms}, {@code 200 µs}, {@code 4.2mA},
 * {@code 40%}. Errors say what was given and which units are accepted.
 */
public final class QuantityText {
    private static final Pattern QUANTITY = Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S*)\\s*");
    private static final Map<String, Double> TIME_MICROS = Map.of("us", 1.0, "µs", 1.0, "ms", 1e3, "s", 1e6);
    private static final Map<String, Double> CURRENT_NANOAMPS = Map.of("na", 1.0, "ua", 1e3, "µa", 1e3, "ma", 1e6);
    private static final Map<String, Double> PERCENT = Map.of("%", 1.0);

    private QuantityText() {
    }

    /** A duration in whole microseconds, e.g. "1ms" → 1000. */
    public static long micros(String text) {
        return whole(text, parse(text, TIME_MICROS, "a duration", "1ms, 200us or 1s"), "µs");
    }

    /** A current in whole nanoamps, e.g. "4.2mA" → 4200000. */
    public static long nanoamps(String text) {
        return whole(text, parse(text, CURRENT_NANOAMPS, "a current", "4.2mA or 500uA"), "nA");
    }

    /** Rounds to a whole number, refusing values Math.round would silently saturate at Long.MAX_VALUE. */
    private static long whole(String text, double value, String unit) {
        if (value >= 0x1p63) {
            throw new IllegalArgumentException("'" + text + "' is too large: at most " + Long.MAX_VALUE + " " + unit);
        }
        return Math.round(value);
    }

    /** A percentage, e.g. "40%" → 40.0. */
    public static double percent(String text) {
        return parse(text, PERCENT, "a percentage", "40%");
    }

    private static double parse(String text, Map<String, Double> units, String what, String examples) {
        Matcher m = QUANTITY.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + what + "; write it with its unit, e.g. "
                    + examples);
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        Double scale = units.get(unit);
        if (scale == null) {
            throw new IllegalArgumentException("'" + text + "' is not " + what + (unit.isEmpty()
                    ? ": the unit is missing" : ": unknown unit '" + m.group(2) + "'") + "; e.g. " + examples);
        }
        double value = Double.parseDouble(m.group(1)) * scale;
        if (value < 0) {
            throw new IllegalArgumentException("'" + text + "' is negative; " + what + " must be zero or more");
        }
        return value;
    }
}
