package org.excitrack.model.excitability;

/** A {@code name = value} line of the EXTRA VARIABLES section; the value as written (it may not be a number). */
public record ExtraVariable(String name, String value) {
}
