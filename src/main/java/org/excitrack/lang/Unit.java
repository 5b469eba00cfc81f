package org.excitrack.lang;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The units a protocol may write, each with its dimension and its factor to the dimension's base unit. */
public enum Unit {
    SECOND("s", Dimension.TIME, 1e6), MILLISECOND("ms", Dimension.TIME, 1e3), MICROSECOND("µs", Dimension.TIME, 1),
    MILLIAMP("mA", Dimension.CURRENT, 1e6), MICROAMP("µA", Dimension.CURRENT, 1e3), NANOAMP("nA", Dimension.CURRENT, 1),
    MILLIVOLT("mV", Dimension.VOLTAGE, 1e3), MICROVOLT("µV", Dimension.VOLTAGE, 1),
    KILOHERTZ("kHz", Dimension.FREQUENCY, 1e3), HERTZ("Hz", Dimension.FREQUENCY, 1),
    PERCENT("%", Dimension.PERCENT, 1),
    PERCENT_MSO("%MSO", Dimension.STIMULATOR_OUTPUT, 1),
    CELSIUS("°C", Dimension.TEMPERATURE, 1);

    private static final Map<String, Unit> BY_SPELLING = new TreeMap<>();

    static {
        for (Unit u : values()) {
            BY_SPELLING.put(u.symbol, u);
        }
        BY_SPELLING.put("us", MICROSECOND);
        BY_SPELLING.put("μs", MICROSECOND);
        BY_SPELLING.put("uA", MICROAMP);
        BY_SPELLING.put("μA", MICROAMP);
        BY_SPELLING.put("uV", MICROVOLT);
        BY_SPELLING.put("μV", MICROVOLT);
        BY_SPELLING.put("degC", CELSIUS);
    }

    private final String symbol;
    private final Dimension dimension;
    private final double toBase;

    Unit(String symbol, Dimension dimension, double toBase) {
        this.symbol = symbol;
        this.dimension = dimension;
        this.toBase = toBase;
    }

    public String symbol() {
        return symbol;
    }

    public Dimension dimension() {
        return dimension;
    }

    public double toBase() {
        return toBase;
    }

    public static Optional<Unit> parse(String spelling) {
        return Optional.ofNullable(BY_SPELLING.get(spelling));
    }

    /** A known unit spelt with different capitals, e.g. "MS" → ms, for a "did you mean" hint. */
    public static Optional<Unit> caseInsensitive(String spelling) {
        for (Map.Entry<String, Unit> e : BY_SPELLING.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(spelling.toLowerCase(Locale.ROOT))) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** Spellings people use that we do not accept, mapped to the unit they mean, for hints. */
    public static Optional<Unit> misspelling(String spelling) {
        return Optional.ofNullable(switch (spelling.toLowerCase(Locale.ROOT)) {
            case "msec", "msecs", "millisecond", "milliseconds" -> MILLISECOND;
            case "usec", "usecs", "microsecond", "microseconds" -> MICROSECOND;
            case "sec", "secs", "second", "seconds" -> SECOND;
            case "milliamp", "milliamps", "milliampere", "milliamperes" -> MILLIAMP;
            case "microamp", "microamps" -> MICROAMP;
            case "millivolt", "millivolts" -> MILLIVOLT;
            case "microvolt", "microvolts" -> MICROVOLT;
            case "khz", "kilohertz" -> KILOHERTZ;
            case "hertz" -> HERTZ;
            case "percent" -> PERCENT;
            case "mso", "%mso", "msopercent" -> PERCENT_MSO;
            case "c", "celsius" -> CELSIUS;
            default -> null;
        });
    }

    public static java.util.Set<String> spellings() {
        return BY_SPELLING.keySet();
    }

    /** What a value measures; the base unit of each is what the compiled plan stores. */
    public enum Dimension {
        TIME("a duration", "µs", "ms"),
        CURRENT("a current", "nA", "mA"),
        VOLTAGE("a voltage", "µV", "mV"),
        FREQUENCY("a frequency", "Hz", "kHz"),
        PERCENT("a percentage", "%", "%"),
        STIMULATOR_OUTPUT("a magnetic stimulator output", "%MSO", "%MSO"),
        TEMPERATURE("a temperature", "°C", "°C"),
        NUMBER("a plain number", "", "");

        private final String description;
        private final String baseSymbol;
        private final String exampleSymbol;

        Dimension(String description, String baseSymbol, String exampleSymbol) {
            this.description = description;
            this.baseSymbol = baseSymbol;
            this.exampleSymbol = exampleSymbol;
        }

        public String description() {
            return description;
        }

        public String baseSymbol() {
            return baseSymbol;
        }

        public String exampleSymbol() {
            return exampleSymbol;
        }
    }
}
