package org.excitrack.sim.subject;

/**
 * One {@code key = value} line of a subject preset, kept with its place so that a value rejected later, when
 * the parameters are built, can still be reported at its file, line and column.
 *
 * @param source the preset's file name or built-in name
 * @param line 1-based line
 * @param valueColumn 1-based column where the value starts
 * @param key the full key, e.g. {@code population.threshold_mA}
 * @param value the value as written, without comment and surrounding blanks
 */
record PresetLine(String source, int line, int valueColumn, String key, String value) {

    PresetException error(String message) {
        return new PresetException(source, line, valueColumn, key + " = " + value + ": " + message);
    }

    /** A value for a parameter that has one: a plain number in the unit the key names, or {@code × factor}. */
    double number(double inherited) {
        String v = value.strip();
        boolean multiply = v.startsWith("×") || v.startsWith("x ") || v.startsWith("* ");
        String digits = multiply ? v.substring(1).strip() : v;
        double parsed;
        try {
            parsed = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw error("expected a number in the unit the key's name ends with (e.g. 4.2 for _mA), "
                    + "or '× 1.3' to scale the inherited value");
        }
        if (!Double.isFinite(parsed)) {
            throw error("expected a finite number");
        }
        return multiply ? inherited * parsed : parsed;
    }
}
