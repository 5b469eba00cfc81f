package org.excitrack.tracking.tms;

/** Why a motor-threshold method stopped asking for stimuli. */
public enum FinishReason {
    /** The method's own rule is met: IFCN's bracket, ML-PEST's fixed count or interval, a posterior's precision. */
    STOP_RULE_MET,
    /** The caller's stimulus budget ran out first. */
    BUDGET_SPENT,
    /** The rule would need an output above the maximum the caller allows: the threshold lies beyond it. */
    THRESHOLD_ABOVE_MAXIMUM,
    /** The rule would need an output below 1 %MSO: the threshold is at the bottom of the stimulator's range. */
    THRESHOLD_AT_MINIMUM
}
