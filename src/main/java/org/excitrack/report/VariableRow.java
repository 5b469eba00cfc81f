package org.excitrack.report;

import java.util.OptionalDouble;

/**
 * One line of the report's variables table.
 *
 * @param number QtracP's variable number as text, empty for a named extra variable
 * @param name the variable's label (QtracP's backslash line breaks are shown as spaces)
 * @param value the value, in the unit the name states
 * @param z the age-adjusted z-score against healthy subjects, when the variable has a norm
 * @param normalLow the healthy 2.5 % limit, NaN when unknown
 * @param normalHigh the healthy 97.5 % limit, NaN when unknown
 * @param outsideNormalRange whether to flag the value
 */
public record VariableRow(String number, String name, double value, OptionalDouble z, double normalLow,
        double normalHigh, boolean outsideNormalRange) {
}
