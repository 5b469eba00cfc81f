package org.excitrack.service;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A protocol's {@code input} step as the operator sees it.
 *
 * @param name the input's name in the protocol (e.g. {@code temperature})
 * @param label what to ask ("Skin temperature")
 * @param unit the unit the value is entered in (°C)
 * @param min the smallest value accepted, in that unit
 * @param max the largest value accepted, in that unit
 * @param suggested a value already known (the subject's skin temperature), to offer rather than to assume
 */
public record InputQuestion(String name, String label, String unit, double min, double max,
                            OptionalDouble suggested) {
    public InputQuestion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(suggested, "suggested");
        if (!(min <= max)) {
            throw new IllegalArgumentException("input " + name + ": range " + min + ".." + max + " is empty");
        }
    }

    /** Whether {@code value} may be given: within the range, inclusive. */
    public boolean accepts(double value) {
        return value >= min && value <= max;
    }
}
