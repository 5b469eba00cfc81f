package org.excitrack.model.excitability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The header fields of a recording, keyed as in a MEM file ("Name", "Protocol", "Date", "Start time", "Age",
 * "Sex", "Temperature", "S/R sites", "NC/disease", "Operator", "Comments", …), values as written, in order.
 */
public record RecordingHeader(Map<String, String> fields) {
    public RecordingHeader {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<String> field(String key) {
        return Optional.ofNullable(fields.get(key)).filter(v -> !v.isBlank());
    }

    public Optional<String> name() {
        return field("Name");
    }

    public Optional<String> protocol() {
        return field("Protocol");
    }

    /** Age in years, when the header gives a number. */
    public OptionalDouble ageYears() {
        return number("Age");
    }

    /** Skin temperature in °C, when the header gives a number. */
    public OptionalDouble temperatureCelsius() {
        return number("Temperature");
    }

    /** "M" or "F" as written, when given. */
    /** Latency of the maximal CMAP's negative peak from the test pulse's onset, ms (Excitrack recordings). */
    public OptionalDouble latencyMillis() {
        return number("Latency");
    }

    public Optional<String> sex() {
        return field("Sex");
    }

    private OptionalDouble number(String key) {
        Optional<String> v = field(key);
        if (v.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(v.get().trim()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
