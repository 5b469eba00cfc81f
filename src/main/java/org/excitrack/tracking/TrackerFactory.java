package org.excitrack.tracking;

import java.util.List;

/** Makes the tracker for one condition; {@link TrackerKind} is the standard one, tests and tuning pass others. */
@FunctionalInterface
public interface TrackerFactory {
    /**
     * @param targetMicrovolts the response that defines the threshold
     * @param startNanoamps the first stimulus
     * @param prior points already recorded for this same condition (count in the estimate, cost no stimulus)
     * @param curvePrior slope carried from a neighbouring condition; {@link CurvePrior#NONE} for none
     * @param goal precision and budget
     */
    Tracker create(double targetMicrovolts, long startNanoamps, List<StimulusResponsePoint> prior,
                   CurvePrior curvePrior, TrackingGoal goal);
}
