package org.excitrack.tracking.tms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order of trials in a threshold-tracking TMS section (T-SICI, T-ICF, T-SAI): which condition comes next,
 * the test alone or the test pulse at one conditioning interval, each condition with its own
 * {@link MsoThresholdTracker}. Use: {@link #next()} gives the trial to run (the same one until it is completed);
 * give it, measure the MEP, then {@link #completed}.
 *
 * <p>Conditions are numbered as {@link TtmsTrial#conditionIndex()}: 0 the test alone, k the k-th interval in
 * ascending order. A condition whose threshold goes beyond the maximum intensity stops being scheduled.
 */
public interface TtmsSchedule {

    /** The conditioning intervals, ascending, ms. */
    List<Double> intervalsMillis();

    /** The trial to run, or empty when the section is done. */
    Optional<TtmsTrial> next();

    /**
     * Records the pending trial's outcome.
     *
     * @param givenPercentMso the test output actually given
     * @param mepMicrovolts the MEP's peak-to-peak amplitude, µV
     */
    void completed(TtmsTrial trial, int givenPercentMso, double mepMicrovolts);

    boolean isFinished();

    MsoThresholdTracker testAlone();

    /** The tracker of interval {@code conditionIndex} (1-based), once it has had a trial. */
    Optional<MsoThresholdTracker> conditioned(int conditionIndex);

    /** Every interval's tracked threshold so far, ISI (ms) → threshold, ascending; intervals without one left out. */
    default Map<Double, TrackedThreshold> conditionedThresholds() {
        Map<Double, TrackedThreshold> byInterval = new LinkedHashMap<>();
        for (int k = 1; k <= intervalsMillis().size(); k++) {
            double interval = intervalsMillis().get(k - 1);
            conditioned(k).flatMap(MsoThresholdTracker::estimate).ifPresent(e -> byInterval.put(interval, e));
        }
        return byInterval;
    }
}
