package org.excitrack.tracking;

/**
 * What a tracker is asked for, whatever its algorithm.
 *
 * @param targetRelativeError stop once the threshold's relative standard error is at most this (trackers with a
 *     fixed stopping rule, like {@link ProportionalTracker}, ignore it)
 * @param maxStimuli never give more than this many stimuli to one condition
 */
public record TrackingGoal(double targetRelativeError, int maxStimuli) {
    public TrackingGoal {
        if (!(targetRelativeError > 0) || maxStimuli < 1) {
            throw new IllegalArgumentException("a tracking goal needs a relative error above zero (got "
                    + targetRelativeError + ") and at least one stimulus (got " + maxStimuli + ")");
        }
    }

    /** 1 % relative standard error within 30 stimuli, as {@link RegressionTracker.Settings#defaults()}. */
    public static TrackingGoal defaults() {
        return new TrackingGoal(0.01, 30);
    }
}
