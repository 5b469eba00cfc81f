package org.excitrack.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serial tracking (TRONDNF, trondnf.md §1.1): the test-alone control channel and the conditioned channels are
 * stimulated in turn — control, conditioned 1, …, conditioned n, control, … (with one conditioned channel:
 * control, conditioned, control, …) — and the step value (delay, current, interval) advances once every
 * conditioned channel's tracker at this step is converged or exhausted. Conditioned channels already done at
 * this step drop out of the turn until the step advances.
 *
 * <p>The control is tracked throughout, because polarizing currents are percentages of its threshold and
 * threshold changes are reckoned against it. It has a tracker per step too, so its threshold can follow slow
 * drift; each starts from the previous step's control threshold and takes the last
 * {@value #CONTROL_POINTS_CARRIED} control points as prior (the same stimulus, so the same condition but for
 * drift), the first from the warm start given. With {@link ControlPolicy#WHILE_UNCONVERGED} the control drops
 * out of the turn once its tracker at this step has converged (it still has one trial at every step), which the
 * carried points make quick for a tracker that stops on precision.
 *
 * <p>A conditioned channel's tracker at step k starts at its threshold at step k − 1 and carries that step's
 * slope ({@link Tracker#curvePriorForNextCondition()}); at step 0 it starts at the control's start stimulus
 * with the control's slope.
 *
 * <p>Use: {@code next()} gives the trial to run (the same one until it is completed); run it, possibly with
 * the stimulus rounded or clamped, then {@code completed(trial, given, response)}.
 */
public final class SerialSchedule {
    /** About two steps of alternation: enough to pin the control down, short enough to follow drift. */
    public static final int CONTROL_POINTS_CARRIED = 8;

    /** When the control takes its turn. */
    public enum ControlPolicy {
        /** Every turn: control, conditioned, control, … (QTRAC's serial tracking). */
        ALTERNATE,
        /** Every turn until the control's tracker at this step is done, and at least once per step. */
        WHILE_UNCONVERGED
    }

    private final ConditionTrackers trackers;
    private final ControlPolicy controlPolicy;
    private final List<StimulusResponsePoint> recentControl = new ArrayList<>();
    private int step;
    private int turn;
    private ScheduledTrial pending;
    private boolean finished;

    /**
     * @param factory makes every condition's tracker, usually a {@link TrackerKind}
     * @param targetMicrovolts the response that defines threshold
     * @param trackedChannels number of tracked channels, control (index 0) included: at least 2
     * @param steps number of step values: at least 1
     * @param controlStart warm start of the control at the first step (e.g. {@link WarmStart#fromCurve})
     * @param goal precision and per-condition budget
     */
    public SerialSchedule(TrackerFactory factory, double targetMicrovolts, int trackedChannels, int steps,
                          WarmStart controlStart, TrackingGoal goal) {
        this(factory, targetMicrovolts, trackedChannels, steps, controlStart, goal, ControlPolicy.ALTERNATE);
    }

    public SerialSchedule(TrackerFactory factory, double targetMicrovolts, int trackedChannels, int steps,
                          WarmStart controlStart, TrackingGoal goal, ControlPolicy controlPolicy) {
        this.trackers = new ConditionTrackers(factory, targetMicrovolts, goal, trackedChannels, steps);
        this.controlPolicy = controlPolicy;
        Tracker control = trackers.start(0, 0, controlStart);
        WarmStart conditionedStart = new WarmStart(controlStart.startNanoamps(), java.util.List.of(),
                control.curvePriorForNextCondition());
        for (int c = 1; c < trackedChannels; c++) {
            trackers.start(c, 0, conditionedStart);
        }
    }

    /** The trial to run next, or empty when every step is done. */
    public Optional<ScheduledTrial> next() {
        if (pending == null && !finished) {
            advanceWhileStepDone();
            if (!finished) {
                int channel = nextChannelInTurn();
                pending = new ScheduledTrial(channel, step, tracker(channel).nextStimulusNanoamps());
            }
        }
        return Optional.ofNullable(pending);
    }

    /**
     * Records the pending trial's outcome.
     *
     * @param givenNanoamps the stimulus actually given (after any rounding or clamping)
     */
    public void completed(ScheduledTrial trial, long givenNanoamps, double responseMicrovolts) {
        if (pending == null || !pending.equals(trial)) {
            throw new IllegalStateException("completed " + trial + " but the pending trial is " + pending);
        }
        tracker(trial.channelIndex()).record(givenNanoamps, responseMicrovolts);
        if (trial.isControl()) {
            recentControl.add(new StimulusResponsePoint(givenNanoamps, responseMicrovolts));
            if (recentControl.size() > CONTROL_POINTS_CARRIED) {
                recentControl.remove(0);
            }
        }
        pending = null;
        turn = trial.channelIndex() + 1;
    }

    public boolean isFinished() {
        next();
        return finished;
    }

    /** The step being tracked (the last one once finished). */
    public int currentStep() {
        return step;
    }

    /** The tracker of a condition, once the schedule has reached its step. */
    public Optional<Tracker> tracker(int channelIndex, int stepIndex) {
        return trackers.get(channelIndex, stepIndex);
    }

    /**
     * The control threshold to scale polarizing currents by: the current step's control estimate, else the
     * previous step's, else empty (use the control's start stimulus).
     */
    public Optional<ThresholdEstimate> controlThreshold() {
        for (int k = step; k >= 0; k--) {
            Optional<ThresholdEstimate> e = trackers.get(0, k).flatMap(Tracker::estimate);
            if (e.isPresent()) {
                return e;
            }
        }
        return Optional.empty();
    }

    private Tracker tracker(int channel) {
        return trackers.get(channel, step).orElseThrow();
    }

    private boolean conditionedDone() {
        for (int c = 1; c < trackers.channels(); c++) {
            if (!tracker(c).isDone()) {
                return false;
            }
        }
        return true;
    }

    private void advanceWhileStepDone() {
        while (!finished && conditionedDone()) {
            if (step == trackers.steps() - 1) {
                finished = true;
                return;
            }
            Tracker previousControl = tracker(0);
            WarmStart controlStart = new WarmStart(ConditionTrackers.following(previousControl).startNanoamps(),
                    recentControl, previousControl.curvePriorForNextCondition());
            step++;
            trackers.start(0, step, controlStart);
            for (int c = 1; c < trackers.channels(); c++) {
                trackers.start(c, step, ConditionTrackers.following(trackers.get(c, step - 1).orElseThrow()));
            }
            turn = 0;
        }
    }

    /** The control, then each conditioned channel not yet done at this step, round and round. */
    private int nextChannelInTurn() {
        for (int i = 0; i < trackers.channels(); i++) {
            int channel = (turn + i) % trackers.channels();
            if (channel == 0 ? controlTakesTurn() : !tracker(channel).isDone()) {
                return channel;
            }
        }
        throw new IllegalStateException("unreachable: a conditioned channel is open whenever the step is");
    }

    private boolean controlTakesTurn() {
        Tracker control = tracker(0);
        return controlPolicy == ControlPolicy.ALTERNATE || control.stimuliGiven() == 0 || !control.isDone();
    }
}
