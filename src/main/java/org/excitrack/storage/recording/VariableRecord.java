package org.excitrack.storage.recording;

import java.util.Objects;

/**
 * One derived excitability variable, numbered as QTRAC numbers them (e.g. 1 = "Stimulus (mA) for 50% max response").
 *
 * @param number variable number, from 1
 * @param name variable name
 * @param value value in the variable's own unit (given in its name), {@code NaN} if not computable
 */
public record VariableRecord(int number, String name, double value) {
    public VariableRecord {
        Objects.requireNonNull(name, "name");
    }
}
