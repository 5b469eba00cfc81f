package org.excitrack.tracking;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Parallel tracking (newer QTRAC TMS protocols, trondnf.md §2.1): every conditioned (channel, step) condition is
 * tracked at once, in pseudo-random order, with one test-alone trial after every {@code conditionedPerTestAlone}
 * conditioned trials. Randomising the order spreads slow drift and any order effect evenly over the conditions
 * instead of aliasing it onto the step value, as serial tracking does.
 *
 * <p>Order: rounds of a shuffled list of the conditions not yet done (Fisher–Yates with the injected generator,
 * so a seed reproduces the order); a condition done mid-round is skipped. The test-alone channel is one
 * condition for the whole section, reported as channel 0 at step 0; it keeps its ratio to the end because its
 * threshold is the reference. The schedule finishes when every conditioned condition and the test alone are
 * converged or exhausted.
 *
 * <p>Warm starts: a conditioned tracker is created at its first trial, starting at the threshold of the
 * nearest step of the same channel that already has one (the previous step first), else the test alone's, and
 * carrying that tracker's slope.
 */
public final class ParallelSchedule {
    private final ConditionTrackers trackers;
    private final int conditionedPerTestAlone;
    private final RandomGenerator random;
    private final Deque<int[]> round = new ArrayDeque<>();
    private int conditionedSinceTestAlone;
    private ScheduledTrial pending;
    private boolean finished;

    /**
     * @param trackedChannels tracked channels, test alone (index 0) included: at least 2
     * @param steps step values: at least 1
     * @param testAloneStart warm start of the test-alone channel
     * @param conditionedPerTestAlone N: one test-alone trial per N conditioned trials
     * @param random the only source of the order's randomness
     */
    public ParallelSchedule(TrackerFactory factory, double targetMicrovolts, int trackedChannels, int steps,
                            WarmStart testAloneStart, TrackingGoal goal, int conditionedPerTestAlone,
                            RandomGenerator random) {
        if (conditionedPerTestAlone < 1) {
            throw new IllegalArgumentException("need at least one conditioned trial per test-alone trial, got "
                    + conditionedPerTestAlone);
        }
        this.trackers = new ConditionTrackers(factory, targetMicrovolts, goal, trackedChannels, steps);
        this.conditionedPerTestAlone = conditionedPerTestAlone;
        this.random = random;
        trackers.start(0, 0, testAloneStart);
    }

    public Optional<ScheduledTrial> next() {
        if (pending == null && !finished) {
            pending = choose();
            finished = pending == null;
        }
        return Optional.ofNullable(pending);
    }

    public void completed(ScheduledTrial trial, long givenNanoamps, double responseMicrovolts) {
        if (pending == null || !pending.equals(trial)) {
            throw new IllegalStateException("completed " + trial + " but the pending trial is " + pending);
        }
        trackers.get(trial.channelIndex(), trial.stepIndex()).orElseThrow().record(givenNanoamps, responseMicrovolts);
        conditionedSinceTestAlone = trial.isControl() ? 0 : conditionedSinceTestAlone + 1;
        pending = null;
    }

    public boolean isFinished() {
        next();
        return finished;
    }

    /** The tracker of a condition once it has had its first trial; the test alone's is (0, 0). */
    public Optional<Tracker> tracker(int channelIndex, int stepIndex) {
        if (channelIndex == 0 && stepIndex != 0) {
            throw new IllegalArgumentException("the test-alone channel is one condition, at step 0; asked for step "
                    + stepIndex);
        }
        return trackers.get(channelIndex, stepIndex);
    }

    public Tracker testAlone() {
        return trackers.get(0, 0).orElseThrow();
    }

    private ScheduledTrial choose() {
        boolean conditionedLeft = anyConditionedLeft();
        if (!conditionedLeft && testAlone().isDone()) {
            return null;
        }
        if (!conditionedLeft || conditionedSinceTestAlone >= conditionedPerTestAlone) {
            return new ScheduledTrial(0, 0, testAlone().nextStimulusNanoamps());
        }
        int[] condition = nextConditionInRound();
        Tracker t = trackers.get(condition[0], condition[1])
                .orElseGet(() -> trackers.start(condition[0], condition[1], warmStart(condition[0], condition[1])));
        return new ScheduledTrial(condition[0], condition[1], t.nextStimulusNanoamps());
    }

    private boolean isDone(int channel, int step) {
        return trackers.get(channel, step).map(Tracker::isDone).orElse(false);
    }

    private boolean anyConditionedLeft() {
        for (int c = 1; c < trackers.channels(); c++) {
            for (int k = 0; k < trackers.steps(); k++) {
                if (!isDone(c, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    private int[] nextConditionInRound() {
        while (true) {
            if (round.isEmpty()) {
                shuffleNewRound();
            }
            int[] condition = round.pollFirst();
            if (!isDone(condition[0], condition[1])) {
                return condition;
            }
        }
    }

    private void shuffleNewRound() {
        List<int[]> open = new ArrayList<>();
        for (int c = 1; c < trackers.channels(); c++) {
            for (int k = 0; k < trackers.steps(); k++) {
                if (!isDone(c, k)) {
                    open.add(new int[] {c, k});
                }
            }
        }
        for (int i = open.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int[] swap = open.get(i);
            open.set(i, open.get(j));
            open.set(j, swap);
        }
        round.addAll(open);
    }

    /** The nearest step of the same channel with an estimate, previous steps first; else the test alone. */
    private WarmStart warmStart(int channel, int step) {
        for (int distance = 1; distance < trackers.steps(); distance++) {
            for (int k : new int[] {step - distance, step + distance}) {
                if (k >= 0 && k < trackers.steps()) {
                    Optional<Tracker> neighbour = trackers.get(channel, k);
                    if (neighbour.isPresent() && neighbour.get().estimate().isPresent()) {
                        return ConditionTrackers.following(neighbour.get());
                    }
                }
            }
        }
        return ConditionTrackers.following(testAlone());
    }
}
