package org.excitrack.tracking.tms;

/**
 * One trial a threshold-tracking TMS schedule asks for: the test pulse alone, or conditioned at one interval, at
 * the output that condition's tracker wants.
 *
 * @param conditionIndex 0 for the test alone; k ≥ 1 for the k-th interval of the schedule's (ascending) list
 * @param intervalMillis the conditioning–test interval, ms; NaN for the test alone
 * @param testPercentMso the test pulse's output, %MSO
 */
public record TtmsTrial(int conditionIndex, double intervalMillis, int testPercentMso) {
    public TtmsTrial {
        if (conditionIndex < 0 || testPercentMso < 1 || testPercentMso > 100
                || (conditionIndex == 0) != Double.isNaN(intervalMillis)) {
            throw new IllegalArgumentException("invalid trial: condition " + conditionIndex + ", interval "
                    + intervalMillis + " ms, test " + testPercentMso + " %MSO");
        }
    }

    public boolean isTestAlone() {
        return conditionIndex == 0;
    }
}
