package org.excitrack.analysis.comparison;

import java.util.Objects;

/**
 * One variable in two recordings of the same subject (e.g. before and during a mexiletine course).
 *
 * @param variable which variable
 * @param earlier its value in the earlier recording; NaN when that recording lacks it
 * @param later its value in the later recording; NaN when that recording lacks it
 */
public record PairedChange(VariableId variable, double earlier, double later) {
    public PairedChange {
        Objects.requireNonNull(variable, "variable");
    }

    /** later − earlier, in the variable's units; NaN when either is missing. */
    public double difference() {
        return later - earlier;
    }
}
