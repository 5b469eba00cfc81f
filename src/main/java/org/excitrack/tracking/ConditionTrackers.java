package org.excitrack.tracking;

import java.util.List;
import java.util.Optional;

/** The trackers of one section, one per (tracked channel, step), created as the schedule reaches them. */
final class ConditionTrackers {
    private final TrackerFactory factory;
    private final double targetMicrovolts;
    private final TrackingGoal goal;
    private final Tracker[][] trackers;

    ConditionTrackers(TrackerFactory factory, double targetMicrovolts, TrackingGoal goal, int channels, int steps) {
        if (channels < 2 || steps < 1) {
            throw new IllegalArgumentException("a schedule needs a control and at least one conditioned channel "
                    + "(got " + channels + " tracked channels) and at least one step (got " + steps + ")");
        }
        if (!(targetMicrovolts > 0)) {
            throw new IllegalArgumentException("target " + targetMicrovolts + " µV must be above zero");
        }
        this.factory = factory;
        this.targetMicrovolts = targetMicrovolts;
        this.goal = goal;
        this.trackers = new Tracker[channels][steps];
    }

    int channels() {
        return trackers.length;
    }

    int steps() {
        return trackers[0].length;
    }

    Optional<Tracker> get(int channel, int step) {
        if (channel < 0 || channel >= channels() || step < 0 || step >= steps()) {
            throw new IllegalArgumentException("no condition at channel " + channel + ", step " + step + " (have "
                    + channels() + " channels × " + steps() + " steps)");
        }
        return Optional.ofNullable(trackers[channel][step]);
    }

    Tracker start(int channel, int step, WarmStart warmStart) {
        if (trackers[channel][step] != null) {
            throw new IllegalStateException("channel " + channel + " step " + step + " has already started");
        }
        Tracker t = warmStart.create(factory, targetMicrovolts, goal);
        trackers[channel][step] = t;
        return t;
    }

    /**
     * A warm start taken from a neighbouring condition: its threshold (or, before it has one, where it was going
     * next) and its slope; none of its points, since they belong to another condition.
     */
    static WarmStart following(Tracker neighbour) {
        long start = neighbour.estimate().map(e -> Math.max(1, Math.round(e.thresholdNanoamps())))
                .orElse(neighbour.nextStimulusNanoamps());
        return new WarmStart(start, List.of(), neighbour.curvePriorForNextCondition());
    }
}
