package org.excitrack.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.TrackedPoint;
import org.excitrack.tracking.StimulusResponsePoint;
import org.excitrack.tracking.ThresholdEstimate;
import org.excitrack.tracking.Tracker;

/**
 * The test-alone channel of serial and parallel tracking: tracked throughout, a fresh tracker for each point that
 * carries over a rolling history of the last points, so the control follows a drifting threshold without losing
 * what it knows. Its threshold is the reference conditioning currents are a percentage of.
 */
final class ControlChannel {
    /** Control points kept when the control channel's tracker moves to the next point. */
    private static final int CONTROL_HISTORY = 8;

    private final ChannelPlan channel;
    private final TrackerFactory trackers;
    private final TrackedTrials trials;
    private final Map<String, Long> thresholds;
    private TrackedPoint point;
    private Tracker tracker;
    private List<StimulusResponsePoint> history = List.of();

    /**
     * @param prior the stimulus-response curve's points, the first tracker's prior
     * @param thresholds the session's latest thresholds by channel, which the control's estimate keeps current
     */
    ControlChannel(ChannelPlan channel, TrackerFactory trackers, TrackedTrials trials, Map<String, Long> thresholds,
                   List<StimulusResponsePoint> prior) {
        this.channel = channel;
        this.trackers = trackers;
        this.trials = trials;
        this.thresholds = thresholds;
        this.tracker = trackers.tracker(trackers.startFor(channel), prior);
    }

    void beginPoint(TrackedPoint next) {
        point = next;
        List<StimulusResponsePoint> all = new ArrayList<>(history);
        all.addAll(tracker.points());
        history = all.subList(Math.max(0, all.size() - CONTROL_HISTORY), all.size());
        long start = estimate().map(e -> Math.round(e.thresholdNanoamps())).orElse(tracker.nextStimulusNanoamps());
        tracker = trackers.tracker(start, history);
    }

    /** Tracks the control until it has a first estimate, which conditioned channels need to start from. */
    void settle() throws InterruptedException {
        while (estimate().isEmpty() && !tracker.isExhausted()) {
            stimulate();
        }
    }

    Optional<ThresholdEstimate> estimate() {
        return tracker.estimate();
    }

    void stimulate() throws InterruptedException {
        if (!trials.stimulate(point, 0, channel, tracker, TrialBuilder.testOnsetMicros(channel), null)) {
            throw new IllegalStateException("the control channel's stimulus was refused; see the warnings");
        }
        // conditioning currents are a percentage of the control threshold as it stands now
        tracker.estimate().ifPresent(e -> thresholds.put(channel.name(), Math.round(e.thresholdNanoamps())));
    }

    /** Records the control threshold as {@code finished}'s reference. */
    void finishPoint(TrackedPoint finished) {
        point = finished;
        trials.finishPoint(point, 0, channel, tracker);
    }

    /** Leaves the control's latest estimate as its threshold for what follows. */
    void finish() {
        tracker.estimate().ifPresent(e -> thresholds.put(channel.name(), Math.round(e.thresholdNanoamps())));
    }
}
