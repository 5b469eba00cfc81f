package org.excitrack.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.excitrack.model.Sweep;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.plan.TrackedPoint;
import org.excitrack.tracking.Tracker;

/**
 * A tracked step's points, in the step's mode. A single channel is tracked point by point. In serial tracking the
 * first channel is the control (test alone), tracked throughout, and each point alternates it with the conditioned
 * channels until they converge. In parallel tracking all points' conditioned channels are open at once and given in
 * a pseudo-random order, interleaved with control trials (one in every {@value #PARALLEL_CONTROL_EVERY}). Points a
 * resumed recording already holds are not tracked again.
 */
final class ThresholdTracking {
    /** Control trials interleaved in parallel tracking: one in this many. */
    private static final int PARALLEL_CONTROL_EVERY = 3;

    private final StimulusResponseCurve curve;
    private final TrackerFactory trackers;
    private final TrackedTrials trials;
    private final SessionReporter reporter;
    private final ResumeState resume;
    private final Map<String, Long> thresholds;
    /** The protocol's source digest, which seeds the parallel order: the same protocol, the same order. */
    private final String planDigest;

    ThresholdTracking(StimulusResponseCurve curve, TrackerFactory trackers, TrackedTrials trials,
                      SessionReporter reporter, ResumeState resume, Map<String, Long> thresholds, String planDigest) {
        this.curve = curve;
        this.trackers = trackers;
        this.trials = trials;
        this.reporter = reporter;
        this.resume = resume;
        this.thresholds = thresholds;
        this.planDigest = planDigest;
    }

    void track(PlanStep.Track t) throws InterruptedException {
        curve.requireTarget();
        List<TrackedPoint> todo = t.points().stream()
                .filter(p -> !resume.completedPoints().contains(ResumeState.pointKey(reporter.section(),
                        trials.name(p)))).toList();
        if (todo.isEmpty()) {
            return;
        }
        if (t.mode() == PlanStep.TrackMode.SINGLE) {
            for (TrackedPoint point : todo) {
                for (ChannelPlan channel : point.channels()) {
                    if (channel.tracked()) {
                        trackAlone(point, channel);
                    }
                }
            }
        } else if (t.mode() == PlanStep.TrackMode.SERIAL) {
            ControlChannel controlChannel = controlChannel(todo.get(0));
            for (TrackedPoint point : todo) {
                trackSerially(point, controlChannel);
            }
            controlChannel.finish();
        } else {
            trackInParallel(todo);
        }
    }

    private ControlChannel controlChannel(TrackedPoint first) {
        return new ControlChannel(first.channels().get(0), trackers, trials, thresholds, curve.points());
    }

    private void trackAlone(TrackedPoint point, ChannelPlan channel) throws InterruptedException {
        Tracker tracker = trackers.tracker(trackers.startFor(channel), List.of());
        long windowAt = TrialBuilder.testOnsetMicros(channel);
        int index = point.channels().indexOf(channel);
        while (!tracker.isConverged() && !tracker.isExhausted()) {
            if (!trials.stimulate(point, index, channel, tracker, windowAt, null)) {
                break;
            }
        }
        trials.finishPoint(point, index, channel, tracker);
    }

    private void trackSerially(TrackedPoint point, ControlChannel controlChannel) throws InterruptedException {
        Map<Integer, Sweep> subtract = trials.untracked(point);
        Map<Integer, Tracker> conditioned = new LinkedHashMap<>();
        for (int i = 1; i < point.channels().size(); i++) {
            ChannelPlan ch = point.channels().get(i);
            if (ch.tracked()) {
                conditioned.put(i, trackers.conditioned(point.channels().get(0), trackers.warmStart(ch)));
            }
        }
        controlChannel.beginPoint(point);
        controlChannel.settle();
        boolean refused = false;
        while (!refused && conditioned.values().stream().anyMatch(tr -> !tr.isConverged() && !tr.isExhausted())) {
            controlChannel.stimulate();
            for (Map.Entry<Integer, Tracker> e : conditioned.entrySet()) {
                Tracker tr = e.getValue();
                if (!tr.isConverged() && !tr.isExhausted()) {
                    ChannelPlan ch = point.channels().get(e.getKey());
                    Sweep base = subtract.isEmpty() ? null : subtract.values().iterator().next();
                    if (!trials.stimulate(point, e.getKey(), ch, tr, TrialBuilder.testOnsetMicros(ch), base)) {
                        refused = true;
                        break;
                    }
                }
            }
        }
        for (Map.Entry<Integer, Tracker> e : conditioned.entrySet()) {
            trials.finishPoint(point, e.getKey(), point.channels().get(e.getKey()), e.getValue());
        }
        // the point's reference: conditioned thresholds are changes from the control threshold at that time
        controlChannel.finishPoint(point);
    }

    private void trackInParallel(List<TrackedPoint> points) throws InterruptedException {
        ControlChannel controlChannel = controlChannel(points.get(0));
        controlChannel.beginPoint(points.get(0));
        controlChannel.settle();
        record Open(TrackedPoint point, int channel, Tracker tracker) {
        }
        List<Open> open = new ArrayList<>();
        for (TrackedPoint p : points) {
            for (int i = 1; i < p.channels().size(); i++) {
                if (p.channels().get(i).tracked()) {
                    open.add(new Open(p, i, trackers.conditioned(p.channels().get(0),
                            trackers.warmStart(p.channels().get(i)))));
                }
            }
        }
        Random order = new Random(planDigest.hashCode());
        List<Open> all = List.copyOf(open);
        int sinceControl = 0;
        while (!open.isEmpty()) {
            if (sinceControl >= PARALLEL_CONTROL_EVERY - 1) {
                controlChannel.stimulate();
                sinceControl = 0;
                continue;
            }
            Open c = open.get(order.nextInt(open.size()));
            ChannelPlan ch = c.point().channels().get(c.channel());
            if (!trials.stimulate(c.point(), c.channel(), ch, c.tracker(), TrialBuilder.testOnsetMicros(ch), null)
                    || c.tracker().isConverged() || c.tracker().isExhausted()) {
                open.remove(c);
            }
            sinceControl++;
        }
        for (Open c : all) {
            trials.finishPoint(c.point(), c.channel(), c.point().channels().get(c.channel()), c.tracker());
        }
        // every point's reference is the control threshold at the end, when all points were tracked together
        for (TrackedPoint p : points) {
            controlChannel.finishPoint(p);
        }
        controlChannel.finish();
    }
}
