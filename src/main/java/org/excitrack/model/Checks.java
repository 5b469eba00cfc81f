package org.excitrack.model;

/** Preconditions whose messages name the quantity, the value and its unit. */
final class Checks {
    private Checks() {
    }

    static void nonNegative(long value, String what, String unit) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " " + value + (unit.isEmpty() ? "" : " " + unit)
                    + " is negative; expected zero or more");
        }
    }

    static void positive(long value, String what, String unit) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " " + value + (unit.isEmpty() ? "" : " " + unit)
                    + " must be greater than zero");
        }
    }
}
