package org.excitrack.tracking.tms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Parallel threshold tracking (T-SICIp, Tankisi et al. 2021; tms.md §2.1–2.2): all intervals are tracked at once,
 * in pseudo-random order, with a test-alone trial first and after every {@code conditionedPerTestAlone}
 * conditioned trials. Randomising spreads slow drift and order effects evenly over the intervals instead of
 * aliasing them onto the interval, as serial tracking does.
 *
 * <p>Order: {@code stimuliPerInterval} rounds, each a fresh shuffle of the intervals (Fisher–Yates with
 * {@link Random} seeded by {@code seed}, whose sequence Java specifies, so a seed gives the same order on any
 * JVM); every interval thus gets one trial per round, and N in all (Tankisi et al. 2022: 6 per interval lose
 * little against 10). An interval's tracker starts, at its first trial, at the test alone's current threshold.
 * The section ends with the last conditioned trial: with 9 intervals × 6 and one test alone per 2 conditioned,
 * it is 54 + 27 = 81 trials, ≈ 6–7 min at 0.2 Hz.
 */
public final class ParallelTtmsSchedule implements TtmsSchedule {
    private final TtmsConditions conditions;
    private final int stimuliPerInterval;
    private final int conditionedPerTestAlone;
    private final int maxIntensityPercentMso;
    private final Random random;
    private final Deque<Integer> round = new ArrayDeque<>();
    private int roundsStarted;
    private int conditionedSinceTestAlone;
    private boolean testAloneDone;
    private boolean finished;

    /**
     * @param intervalsMillis conditioning intervals, any order
     * @param stimuliPerInterval conditioned trials per interval (6)
     * @param conditionedPerTestAlone conditioned trials between test-alone trials (2)
     * @param testAloneStartPercentMso the test alone's first output (e.g. the RMT just measured)
     * @param seed fixes the pseudo-random order
     */
    public ParallelTtmsSchedule(List<Double> intervalsMillis, int stimuliPerInterval, int conditionedPerTestAlone,
                                int testAloneStartPercentMso, LogAmplitudeRegression regression,
                                MsoThresholdTracker.Settings settings, long seed) {
        if (stimuliPerInterval < 1 || conditionedPerTestAlone < 1) {
            throw new IllegalArgumentException("need at least one stimulus per interval (got " + stimuliPerInterval
                    + ") and one conditioned trial per test alone (got " + conditionedPerTestAlone + ")");
        }
        this.conditions = new TtmsConditions(intervalsMillis, testAloneStartPercentMso, regression, settings);
        this.stimuliPerInterval = stimuliPerInterval;
        this.conditionedPerTestAlone = conditionedPerTestAlone;
        this.maxIntensityPercentMso = settings.maxIntensityPercentMso();
        this.random = new Random(seed);
    }

    @Override
    public List<Double> intervalsMillis() {
        return conditions.intervalsMillis();
    }

    @Override
    public Optional<TtmsTrial> next() {
        if (conditions.pending() != null) {
            return Optional.of(conditions.pending());
        }
        if (finished) {
            return Optional.empty();
        }
        MsoThresholdTracker testAlone = conditions.testAlone();
        if (testAlone.isBeyondMaximum()) {
            finished = true;
            return Optional.empty();
        }
        boolean testAloneDue = !testAloneDone
                || conditionedSinceTestAlone >= conditionedPerTestAlone && conditionedTrialsRemain();
        if (testAloneDue) {
            return Optional.of(conditions.trial(0, testAlone.nextIntensityPercentMso().getAsInt()));
        }
        while (true) {
            if (round.isEmpty() && !shuffleNextRound()) {
                finished = true;
                return Optional.empty();
            }
            int k = round.pollFirst();
            MsoThresholdTracker tracker = conditions.conditionedOrStart(k,
                    TtmsConditions.startFrom(testAlone, maxIntensityPercentMso, maxIntensityPercentMso));
            if (!tracker.isBeyondMaximum()) {
                round.addFirst(k); // still this interval's turn until the trial is completed
                return Optional.of(conditions.trial(k, tracker.nextIntensityPercentMso().getAsInt()));
            }
        }
    }

    @Override
    public void completed(TtmsTrial trial, int givenPercentMso, double mepMicrovolts) {
        conditions.record(trial, givenPercentMso, mepMicrovolts);
        if (trial.isTestAlone()) {
            testAloneDone = true;
            conditionedSinceTestAlone = 0;
        } else {
            round.pollFirst();
            conditionedSinceTestAlone++;
        }
    }

    @Override
    public boolean isFinished() {
        next();
        return finished;
    }

    @Override
    public MsoThresholdTracker testAlone() {
        return conditions.testAlone();
    }

    @Override
    public Optional<MsoThresholdTracker> conditioned(int conditionIndex) {
        return conditions.conditioned(conditionIndex);
    }

    /** Whether a conditioned trial may still come (a tracker gone beyond the maximum aside). */
    private boolean conditionedTrialsRemain() {
        return !round.isEmpty() || roundsStarted < stimuliPerInterval;
    }

    /** A new shuffled round of every interval; false once all rounds are done. */
    private boolean shuffleNextRound() {
        if (roundsStarted == stimuliPerInterval) {
            return false;
        }
        roundsStarted++;
        List<Integer> order = new ArrayList<>();
        for (int k = 1; k <= conditions.intervalsMillis().size(); k++) {
            order.add(k);
        }
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order.get(i);
            order.set(i, order.get(j));
            order.set(j, swap);
        }
        round.addAll(order);
        return true;
    }
}
