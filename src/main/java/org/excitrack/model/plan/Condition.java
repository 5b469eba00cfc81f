package org.excitrack.model.plan;

/** A condition the session evaluates at run time on measured quantities and operator inputs. */
public sealed interface Condition {
    record Compare(Operand left, String operator, Operand right) implements Condition {
    }

    record And(Condition left, Condition right) implements Condition {
    }

    record Or(Condition left, Condition right) implements Condition {
    }

    record Not(Condition operand) implements Condition {
    }

    /** A value in base units (µs, nA, µV, Hz, %, °C). */
    sealed interface Operand {
    }

    record Constant(double value, String baseUnit) implements Operand {
    }

    /** Mean supramaximal response of the latest stimulus-response measurement, µV. */
    record MaximalResponse() implements Operand {
    }

    /** Latest threshold of a channel, nA. */
    record Threshold(String channel) implements Operand {
    }

    /** A value the operator typed at an input step, converted to base units. */
    record InputValue(String name) implements Operand {
    }
}
