package org.excitrack.lang;

import java.util.Locale;

/** A constant known when the protocol is compiled: a magnitude in its dimension's base unit. */
record Value(double base, Unit.Dimension dimension) {
    static Value of(double value, Unit unit) {
        return new Value(value * unit.toBase(), unit.dimension());
    }

    static Value number(double value) {
        return new Value(value, Unit.Dimension.NUMBER);
    }

    /** In the unit people would write, e.g. "0.2 ms", "4.2 mA", "40 %". */
    String display() {
        return switch (dimension) {
            case TIME -> Math.abs(base) >= 1e6 && base % 1e6 == 0 ? trim(base / 1e6) + " s"
                    : Math.abs(base) >= 1000 || base == 0 ? trim(base / 1000) + " ms" : trim(base) + " µs";
            case CURRENT -> Math.abs(base) >= 1000 ? trim(base / 1e6) + " mA" : trim(base) + " nA";
            case VOLTAGE -> Math.abs(base) >= 1000 ? trim(base / 1000) + " mV" : trim(base) + " µV";
            case FREQUENCY -> Math.abs(base) >= 1000 ? trim(base / 1000) + " kHz" : trim(base) + " Hz";
            case PERCENT -> trim(base) + " %";
            case STIMULATOR_OUTPUT -> trim(base) + " %MSO";
            case TEMPERATURE -> trim(base) + " °C";
            case NUMBER -> trim(base);
        };
    }

    static String trim(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
