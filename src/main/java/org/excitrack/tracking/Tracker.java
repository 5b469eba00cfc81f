package org.excitrack.tracking;

import java.util.List;
import java.util.Optional;

/**
 * Tracks the stimulus that evokes a target response for one condition (one channel at one step). Pure: the
 * caller asks for the next stimulus, gives it (rounded or clamped as the hardware needs), and records what it
 * actually gave and the response.
 */
public interface Tracker {

    /** Which algorithm this is, for the recording. */
    TrackerKind kind();

    /** The stimulus the tracker wants next; stays valid after convergence so a channel can go on being tracked. */
    long nextStimulusNanoamps();

    /** One stimulus as given and the response it evoked. */
    void record(long stimulusNanoamps, double responseMicrovolts);

    /** The threshold from every point so far (prior and recorded), or empty while the data cannot place it. */
    Optional<ThresholdEstimate> estimate();

    /** The algorithm's own stopping rule is met. */
    boolean isConverged();

    /** The stimulus budget is spent. */
    boolean isExhausted();

    default boolean isDone() {
        return isConverged() || isExhausted();
    }

    /** Stimuli recorded by this tracker (prior points not counted). */
    int stimuliGiven();

    /** Prior points, then recorded points: exactly what the estimate is computed from. */
    List<StimulusResponsePoint> points();

    /** The slope prior this tracker's estimate used ({@link CurvePrior#NONE} if it uses none). */
    CurvePrior curvePrior();

    /** What this condition's data say about the slope, to warm-start the next condition. */
    CurvePrior curvePriorForNextCondition();
}
