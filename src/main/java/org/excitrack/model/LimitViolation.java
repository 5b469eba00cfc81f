package org.excitrack.model;

/**
 * One limit that a stimulus would exceed.
 *
 * @param limit which limit
 * @param where which part of the trial, e.g. "pulse 2"; empty for the trial as a whole
 * @param value the requested value, in the limit's unit
 * @param allowed the limit, in the same unit (for the trial interval, the minimum)
 */
public record LimitViolation(SafetyLimits.Limit limit, String where, long value, long allowed) {

    /** A sentence for the operator, e.g. "pulse 1: pulse current 60.000 mA exceeds the limit of 50.000 mA". */
    public String describe() {
        String relation = limit == SafetyLimits.Limit.TRIAL_INTERVAL ? "is shorter than the minimum of"
                : "exceeds the limit of";
        String shownValue = Quantities.format(value, limit.unit());
        String shownAllowed = Quantities.format(allowed, limit.unit());
        if (shownValue.equals(shownAllowed) && value != allowed) {
            // rounded for reading, they would look equal ("50.000 mA exceeds the limit of 50.000 mA")
            shownValue += " (" + value + " " + limit.unit() + ")";
            shownAllowed += " (" + allowed + " " + limit.unit() + ")";
        }
        return (where.isEmpty() ? "" : where + ": ") + limit.label() + " " + shownValue + " " + relation + " "
                + shownAllowed;
    }
}
