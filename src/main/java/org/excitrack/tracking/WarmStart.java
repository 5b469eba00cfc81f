package org.excitrack.tracking;

import java.util.List;

/**
 * Where a condition's tracking starts: the first stimulus, points already recorded for the same condition, and
 * the slope carried from a neighbouring one.
 *
 * @param startNanoamps first stimulus
 * @param prior points of this same condition (e.g. the stimulus-response curve for the test-alone channel)
 * @param curvePrior slope and scatter from a neighbouring condition, or {@link CurvePrior#NONE}
 */
public record WarmStart(long startNanoamps, List<StimulusResponsePoint> prior, CurvePrior curvePrior) {
    public WarmStart {
        if (startNanoamps <= 0) {
            throw new IllegalArgumentException("start stimulus " + startNanoamps + " nA must be above zero");
        }
        prior = List.copyOf(prior);
    }

    /** Just a start stimulus: nothing known about this condition or its slope. */
    public static WarmStart at(long startNanoamps) {
        return new WarmStart(startNanoamps, List.of(), CurvePrior.NONE);
    }

    /**
     * The start for the test-alone channel after the stimulus-response curve: the stimulus read off the curve at
     * the target, the curve's points as prior, and the slope prior given.
     */
    public static WarmStart fromCurve(List<StimulusResponsePoint> curve, double targetMicrovolts,
                                      long fallbackStartNanoamps, CurvePrior curvePrior) {
        long start = CurveInterpolation.stimulusFor(curve, targetMicrovolts).orElse(fallbackStartNanoamps);
        return new WarmStart(start, curve, curvePrior);
    }

    Tracker create(TrackerFactory factory, double targetMicrovolts, TrackingGoal goal) {
        return factory.create(targetMicrovolts, startNanoamps, prior, curvePrior, goal);
    }
}
