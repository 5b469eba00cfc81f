package org.excitrack.model.excitability;

/**
 * A derived excitability variable by QtracP's numbering (trondnf.md §4.1).
 *
 * @param number QtracP's variable number, e.g. 3 for the strength-duration time constant
 * @param label the label as QtracP writes it (backslashes are its line breaks)
 * @param value the value, in the unit the label states
 */
public record DerivedVariable(int number, String label, double value) {
}
