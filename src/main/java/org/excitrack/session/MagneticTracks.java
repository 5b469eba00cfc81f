package org.excitrack.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.excitrack.model.plan.AcquisitionPlan;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.plan.StimulusElement;
import org.excitrack.model.plan.TrackedPoint;
import org.excitrack.model.tms.MagneticThreshold;

/**
 * The magnetic session's stimulating steps: motor-threshold hunts, tracked points (one channel, serial, parallel)
 * and measure blocks. The first tracked channel of a block is its reference (test alone); in serial and parallel
 * blocks it is tracked throughout, interleaved with the conditioned channels, so a drift of the test-alone
 * threshold is followed rather than frozen.
 */
final class MagneticTracks {
    /** No motor-threshold method here needs more; IFCN started far above threshold takes ≈ 75 (tms.md §3.3). */
    static final int MAX_MOTOR_THRESHOLD_STIMULI = 120;
    /** In a parallel block, every third trial is the reference (Tankisi 2021: test alone "at regular intervals"). */
    static final int PARALLEL_REFERENCE_EVERY = 3;
    /** Where tracking starts when no threshold is known yet, %MSO: a typical hand-muscle RMT. */
    static final double DEFAULT_START_PERCENT_MSO = 50;

    private final MagneticTrials trials;
    private final MagneticEstimators estimators;
    private final AcquisitionPlan acquisition;
    private final ToDoubleFunction<String> thresholds;
    private final Consumer<MagneticSession.Found> found;
    private final SessionControl control;
    private final long seed;
    private final double targetMicrovolts;
    private Map<TrackedPoint, String> pointNames = Map.of();
    private double lastMotorThreshold = Double.NaN;
    private final java.util.Set<ChannelPlan> refused = new java.util.HashSet<>();

    MagneticTracks(MagneticTrials trials, MagneticEstimators estimators, AcquisitionPlan acquisition,
                   ToDoubleFunction<String> thresholds, Consumer<MagneticSession.Found> found, SessionControl control,
                   long seed) {
        this.trials = trials;
        this.estimators = estimators;
        this.acquisition = acquisition;
        this.thresholds = thresholds;
        this.found = found;
        this.control = control;
        this.seed = seed;
        this.targetMicrovolts = acquisition.target() instanceof AcquisitionPlan.Microvolts m ? m.microvolts() : Double.NaN;
    }

    void names(Map<TrackedPoint, String> names) {
        this.pointNames = names;
    }

    void motorThreshold(String section, String name, String method, double target) throws InterruptedException {
        int max = acquisition.magnetic().maxIntensityPercentMso();
        MagneticEstimator hunt = estimators.motorThreshold(method, target, max, seed);
        ChannelPlan single = new ChannelPlan(name, true, List.of(new StimulusElement.MagneticTest(0)));
        int given = 0;
        while (!hunt.finished() && given < MAX_MOTOR_THRESHOLD_STIMULI) {
            int next = hunt.nextPercentMso();
            if (next > max) {
                throw new StimulusRefusedException("the motor threshold \"" + name + "\" would need " + next
                        + " %MSO, above the maximum intensity of " + max + " %MSO");
            }
            MagneticTrials.Measured m = trials.give(section, name, single, next, thresholds);
            hunt.record(next, m.mepMicrovolts());
            given++;
        }
        MagneticThreshold t = hunt.estimate();
        trials.note("motor threshold", "\"" + name + "\" by " + method);
        lastMotorThreshold = t.percentMso();
        found.accept(new MagneticSession.Found(section, "", name, t));
    }

    void track(String section, PlanStep.Track track) throws InterruptedException {
        requireTarget();
        switch (track.mode()) {
            case SINGLE:
                for (TrackedPoint p : track.points()) {
                    trackAlone(section, p);
                }
                break;
            case SERIAL:
                trackSerially(section, track.points());
                break;
            default:
                trackInParallel(section, track.points());
        }
    }

    private void trackAlone(String section, TrackedPoint point) throws InterruptedException {
        ChannelPlan channel = tracked(point).get(0);
        Tracked t = new Tracked(point, channel, newTracker(start(channel.name())));
        untracked(section, point);
        while (!t.estimator.finished()) {
            if (!give(section, t)) {
                break;
            }
        }
        report(section, t);
    }

    /** Points in order; at each, the reference and the conditioned channels alternate until all are done. */
    private void trackSerially(String section, List<TrackedPoint> points) throws InterruptedException {
        Tracked reference = null;
        double warm = Double.NaN;
        for (TrackedPoint point : points) {
            List<ChannelPlan> channels = tracked(point);
            if (reference == null) {
                reference = new Tracked(point, channels.get(0), newTracker(start(channels.get(0).name())));
            }
            reference = reference.at(point, channels.get(0));
            double startAt = Double.isNaN(warm) ? reference.estimateOr(start(channels.get(0).name())) : warm;
            List<Tracked> conditioned = new ArrayList<>();
            for (ChannelPlan c : channels.subList(1, channels.size())) {
                conditioned.add(new Tracked(point, c, newTracker(startAt)));
            }
            untracked(section, point);
            int referenceHere = 0;
            while (conditioned.stream().anyMatch(c -> !c.estimator.finished() && !c.stopped)
                    || referenceHere < acquisition.minStimuliPerPoint() && !reference.stopped) {
                if (!reference.stopped && give(section, reference)) {
                    referenceHere++;
                }
                for (Tracked c : conditioned) {
                    if (!c.estimator.finished() && !c.stopped) {
                        give(section, c);
                    }
                }
            }
            report(section, reference);
            for (Tracked c : conditioned) {
                report(section, c);
                warm = c.estimateOr(warm);
            }
        }
    }

    /**
     * Every point's conditioned channels at once, in a pseudo-random order, with the reference every third
     * trial (Tankisi 2021, parallel T-SICI). A conditioned tracker starts at the reference's estimate. The block's
     * trackers come from one {@link MagneticTrackerBlock}, so they may share what the block's MEPs say about the
     * subject's recruitment slope (ADR 0010).
     */
    private void trackInParallel(String section, List<TrackedPoint> points) throws InterruptedException {
        TrackedPoint first = points.get(0);
        ChannelPlan referenceChannel = tracked(first).get(0);
        MagneticTrackerBlock block = estimators.trackerBlock(targetMicrovolts,
                acquisition.magnetic().maxIntensityPercentMso(), acquisition.minStimuliPerPoint(),
                acquisition.maxStimuliPerPoint(), acquisition.precisionPercent());
        Tracked reference = new Tracked(first, referenceChannel, block.channel(start(referenceChannel.name())));
        while (reference.given < acquisition.minStimuliPerPoint() && !reference.stopped) {
            give(section, reference);
        }
        List<Tracked> conditioned = new ArrayList<>();
        for (TrackedPoint p : points) {
            untracked(section, p);
            for (ChannelPlan c : tracked(p).subList(1, tracked(p).size())) {
                double startAt = reference.estimateOr(start(referenceChannel.name()));
                conditioned.add(new Tracked(p, c, block.channel(startAt)));
            }
        }
        Random order = new Random(seed);
        int sinceReference = 0;
        while (true) {
            List<Tracked> open = conditioned.stream().filter(c -> !c.estimator.finished() && !c.stopped).toList();
            if (open.isEmpty()) {
                break;
            }
            List<Tracked> round = new ArrayList<>(open);
            Collections.shuffle(round, order);
            for (Tracked c : round) {
                if (++sinceReference >= PARALLEL_REFERENCE_EVERY && !reference.stopped) {
                    give(section, reference);
                    sinceReference = 0;
                }
                give(section, c);
            }
        }
        for (TrackedPoint p : points) {
            report(section, reference.at(p, tracked(p).get(0)));
        }
        for (Tracked c : conditioned) {
            report(section, c);
        }
    }

    /**
     * Each channel {@code repetitions} times at every point, all in one pseudo-random order; a channel that is the
     * same at every point (a test alone beside stepped conditioned channels) is given {@code repetitions} times in
     * all, not at each point.
     */
    void measure(String section, PlanStep.Measure measure) throws InterruptedException {
        Map<ChannelPlan, TrackedPoint> distinct = new LinkedHashMap<>();
        for (TrackedPoint p : measure.points()) {
            for (ChannelPlan c : p.channels()) {
                distinct.putIfAbsent(c, p);
            }
        }
        List<Map.Entry<ChannelPlan, TrackedPoint>> order = new ArrayList<>();
        for (int r = 0; r < measure.repetitions(); r++) {
            order.addAll(distinct.entrySet());
        }
        Collections.shuffle(order, new Random(seed));
        for (Map.Entry<ChannelPlan, TrackedPoint> e : order) {
            control.checkpoint();
            giveFixed(section, e.getValue(), e.getKey());
        }
    }

    private void untracked(String section, TrackedPoint point) throws InterruptedException {
        for (ChannelPlan c : point.channels()) {
            if (!c.tracked()) {
                giveFixed(section, point, c);
            }
        }
    }

    /** One trial of a tracked channel; false (and the channel stops) when its next output is beyond the maximum. */
    private boolean give(String section, Tracked t) throws InterruptedException {
        int next = t.estimator.nextPercentMso();
        int max = acquisition.magnetic().maxIntensityPercentMso();
        if (next > max) {
            t.stopped = true;
            String why = "point " + name(t.point) + ", channel \"" + t.channel.name() + "\": its threshold lies above "
                    + "the maximum intensity of " + max + " %MSO; tracking of it stopped";
            trials.warn("limit", why);
            return false;
        }
        MagneticTrials.Measured m;
        try {
            m = trials.give(section, name(t.point), t.channel, next, thresholds);
        } catch (StimulusRefusedException e) {
            t.stopped = true;
            trials.warn("limit", "point " + name(t.point) + ", channel \"" + t.channel.name() + "\": tracking stopped: "
                    + e.getMessage());
            return false;
        }
        t.estimator.record(next, m.mepMicrovolts());
        t.given++;
        return true;
    }

    private void report(String section, Tracked t) {
        MagneticThreshold e = t.estimator.estimate();
        found.accept(new MagneticSession.Found(section, name(t.point), t.channel.name(),
                new MagneticThreshold(e.percentMso(), e.standardErrorPercentMso(), e.stimuli(),
                        e.converged() && !t.stopped)));
    }

    private MagneticEstimator newTracker(double startPercentMso) {
        return estimators.tracker(targetMicrovolts, startPercentMso, acquisition.magnetic().maxIntensityPercentMso(),
                acquisition.minStimuliPerPoint(), acquisition.maxStimuliPerPoint(), acquisition.precisionPercent());
    }

    /** A channel's own earlier threshold if it has one, else the latest motor threshold, else a typical RMT. */
    private double start(String channel) {
        try {
            return thresholds.applyAsDouble(channel);
        } catch (IllegalStateException notYet) {
            return Double.isFinite(lastMotorThreshold) ? lastMotorThreshold : DEFAULT_START_PERCENT_MSO;
        }
    }

    /**
     * An untracked channel (a measure block, a conditioning alone); a trial the session refuses (a pulse above the
     * maximum intensity) is skipped with a warning, once per channel, and the rest goes on.
     */
    private void giveFixed(String section, TrackedPoint point, ChannelPlan channel) throws InterruptedException {
        if (refused.contains(channel)) {
            return;
        }
        try {
            trials.give(section, name(point), channel, 0, thresholds);
        } catch (StimulusRefusedException e) {
            refused.add(channel);
            trials.warn("limit", "point " + name(point) + ", channel \"" + channel.name() + "\" skipped: "
                    + e.getMessage());
        }
    }

    private void requireTarget() {
        if (Double.isNaN(targetMicrovolts)) {
            throw new IllegalStateException("tracking a magnetic test needs a target MEP size (target 0.2 mV)");
        }
    }

    private static List<ChannelPlan> tracked(TrackedPoint p) {
        return p.channels().stream().filter(ChannelPlan::tracked).toList();
    }

    private String name(TrackedPoint p) {
        return pointNames.getOrDefault(p, p.label());
    }

    /** A channel being tracked at a point; the reference of a serial or parallel block moves on from point to point. */
    private static final class Tracked {
        final TrackedPoint point;
        final ChannelPlan channel;
        final MagneticEstimator estimator;
        int given;
        boolean stopped;

        Tracked(TrackedPoint point, ChannelPlan channel, MagneticEstimator estimator) {
            this.point = point;
            this.channel = channel;
            this.estimator = estimator;
        }

        /** The same tracker, reported under another point. */
        Tracked at(TrackedPoint p, ChannelPlan c) {
            Tracked moved = new Tracked(p, c, estimator);
            moved.given = given;
            moved.stopped = stopped;
            return moved;
        }

        double estimateOr(double fallback) {
            double e = estimator.estimate().percentMso();
            return Double.isNaN(e) ? fallback : e;
        }
    }
}
