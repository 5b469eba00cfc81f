package org.excitrack.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class ParallelScheduleTest {
    private static final double TARGET = 3_200;
    private static final WarmStart START = new WarmStart(4_000_000, List.of(), CurvePrior.typicalNerve(8_000));

    private static List<ScheduledTrial> runAll(ParallelSchedule schedule, ToDoubleFunction<ScheduledTrial> response) {
        List<ScheduledTrial> trials = new ArrayList<>();
        for (Optional<ScheduledTrial> t = schedule.next(); t.isPresent(); t = schedule.next()) {
            trials.add(t.get());
            schedule.completed(t.get(), t.get().stimulusNanoamps(), response.applyAsDouble(t.get()));
            assertThat(trials).as("runaway schedule").hasSizeLessThan(10_000);
        }
        return trials;
    }

    private static ParallelSchedule schedule(TrackerFactory factory, int channels, int steps, int ratio, long seed) {
        return new ParallelSchedule(factory, TARGET, channels, steps, START, TrackingGoal.defaults(), ratio,
                new SplittableRandom(seed));
    }

    @Test
    void oneTestAloneTrialFollowsEveryNConditionedTrials() {
        // test alone needs 1 stimulus, every conditioned condition 3
        ScriptedTrackers factory = new ScriptedTrackers(i -> i == 0 ? 1 : 3);
        List<ScheduledTrial> trials = runAll(schedule(factory, 3, 4, 4, 1), t -> TARGET);

        int run = 0;
        for (ScheduledTrial t : trials) {
            if (t.isControl()) {
                assertThat(run).as("conditioned trials before a test alone").isEqualTo(4);
                run = 0;
            } else {
                run++;
            }
        }
        // 2 channels × 4 steps × 3 stimuli = 24 conditioned trials; a test alone after the 4th, 8th, … 20th (the
        // one due after the 24th is not needed: everything is done by then)
        assertThat(trials).filteredOn(t -> !t.isControl()).hasSize(24);
        assertThat(trials).filteredOn(ScheduledTrial::isControl).hasSize(5)
                .allSatisfy(t -> assertThat(t.stepIndex()).isZero());
    }

    @Test
    void eachRoundVisitsEveryOpenConditionOnceInShuffledOrder() {
        ScriptedTrackers factory = new ScriptedTrackers(i -> i == 0 ? 1 : 2);
        List<ScheduledTrial> conditioned = runAll(schedule(factory, 3, 5, 3, 7), t -> TARGET).stream()
                .filter(t -> !t.isControl()).toList();

        List<String> first = conditioned.subList(0, 10).stream().map(t -> t.channelIndex() + "@" + t.stepIndex())
                .toList();
        List<String> second = conditioned.subList(10, 20).stream().map(t -> t.channelIndex() + "@" + t.stepIndex())
                .toList();
        assertThat(new HashSet<>(first)).hasSize(10);
        assertThat(new HashSet<>(second)).isEqualTo(new HashSet<>(first));
        assertThat(first).as("shuffled, not in plan order").isNotEqualTo(List.of("1@0", "1@1", "1@2", "1@3", "1@4",
                "2@0", "2@1", "2@2", "2@3", "2@4"));
        assertThat(second).as("each round reshuffled").isNotEqualTo(first);
    }

    @Test
    void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        List<ScheduledTrial> a = runAll(schedule(new ScriptedTrackers(i -> 2), 2, 8, 2, 42), t -> TARGET);
        List<ScheduledTrial> b = runAll(schedule(new ScriptedTrackers(i -> 2), 2, 8, 2, 42), t -> TARGET);
        List<ScheduledTrial> c = runAll(schedule(new ScriptedTrackers(i -> 2), 2, 8, 2, 43), t -> TARGET);

        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void finishesOnlyWhenEveryConditionAndTheTestAloneAreDone() {
        // the test alone needs 6 stimuli; at one per 4 conditioned it is still open when the conditioned finish
        ScriptedTrackers factory = new ScriptedTrackers(i -> i == 0 ? 6 : 1);
        ParallelSchedule schedule = schedule(factory, 2, 4, 4, 3);

        List<ScheduledTrial> trials = runAll(schedule, t -> TARGET);

        assertThat(schedule.isFinished()).isTrue();
        assertThat(schedule.testAlone().isDone()).isTrue();
        for (int k = 0; k < 4; k++) {
            assertThat(schedule.tracker(1, k).orElseThrow().isDone()).isTrue();
        }
        // 4 conditioned, one test alone after them, then test alone only
        assertThat(trials.subList(5, trials.size())).allSatisfy(t -> assertThat(t.isControl()).isTrue());
        assertThat(trials).hasSize(4 + 6);
    }

    @Test
    void aConditionStartsAtTheThresholdOfTheNearestStepOfItsChannelThatHasOne() {
        ScriptedTrackers factory = new ScriptedTrackers(i -> 1);
        ParallelSchedule schedule = schedule(factory, 2, 6, 10, 11);

        runAll(schedule, t -> TARGET);

        // creation 0 is the test alone; the first conditioned trial comes before any test-alone one, so it can
        // only start where the test alone would, with its curve prior
        assertThat(factory.creations.get(1).startNanoamps()).isEqualTo(4_000_000);
        assertThat(factory.creations.get(1).curvePrior().logLogSlope()).isEqualTo(4.0);
        for (int k = 0; k < 6; k++) {
            Tracker t = schedule.tracker(1, k).orElseThrow();
            assertThat(t.points()).as("no points of other conditions").hasSize(1);
        }
        Set<Long> starts = new HashSet<>();
        factory.creations.forEach(c -> starts.add(c.startNanoamps()));
        assertThat(starts).as("later conditions chain from earlier ones, 10 % per link here").hasSizeGreaterThan(2);
    }

    @Test
    void theTestAloneIsOneConditionAtStepZero() {
        ParallelSchedule schedule = schedule(new ScriptedTrackers(i -> 1), 2, 3, 2, 1);

        assertThat(schedule.tracker(0, 0)).containsSame(schedule.testAlone());
        assertThatThrownBy(() -> schedule.tracker(0, 1))
                .hasMessage("the test-alone channel is one condition, at step 0; asked for step 1");
        assertThat(schedule.tracker(1, 2)).as("not started yet").isEmpty();
        assertThatThrownBy(() -> schedule(new ScriptedTrackers(i -> 1), 2, 3, 0, 1))
                .hasMessage("need at least one conditioned trial per test-alone trial, got 0");
    }

    @Test
    void theSameTrialIsPendingUntilCompleted() {
        ParallelSchedule schedule = schedule(new ScriptedTrackers(i -> 1), 2, 3, 2, 1);
        ScheduledTrial first = schedule.next().orElseThrow();

        assertThat(schedule.next()).contains(first);
        assertThatThrownBy(() -> schedule.completed(new ScheduledTrial(0, 0, 5), 5, 1))
                .isInstanceOf(IllegalStateException.class);
        schedule.completed(first, first.stimulusNanoamps(), TARGET);
        assertThat(schedule.next()).isPresent().isNotEqualTo(Optional.of(first));
    }

    @Test
    void onTheSyntheticNerveEveryConditionIsFound() {
        double[] factors = ThresholdProfiles.recoveryCycle();
        SyntheticNerve nerve = SyntheticNerve.typical(8, 0.015, 30);
        double target = 0.4 * nerve.maxMicrovolts;
        List<SyntheticNerve.Condition> conditions = ThresholdProfiles.conditions(factors, 8);
        long start = Math.round(nerve.thresholdNanoamps(target, SyntheticNerve.Condition.TEST_ALONE));
        ParallelSchedule schedule = new ParallelSchedule(TrackerKind.EXCITRACK, target, 2, factors.length,
                new WarmStart(start, List.of(), CurvePrior.typicalNerve(nerve.maxMicrovolts)), TrackingGoal.defaults(),
                3, new SplittableRandom(8));

        runAll(schedule, t -> nerve.respond(t.stimulusNanoamps(),
                t.isControl() ? SyntheticNerve.Condition.TEST_ALONE : conditions.get(t.stepIndex())));

        List<Double> errors = new ArrayList<>();
        for (int k = 0; k < factors.length; k++) {
            Tracker t = schedule.tracker(1, k).orElseThrow();
            assertThat(t.isConverged()).as("step %d", k).isTrue();
            errors.add(Math.abs(t.estimate().orElseThrow().thresholdNanoamps()
                    / nerve.thresholdNanoamps(target, conditions.get(k)) - 1));
        }
        assertThat(Quantiles.of(errors, 0.5)).isLessThan(0.01);
        assertThat(Quantiles.of(errors, 1)).isLessThan(0.03);
        double controlTruth = nerve.thresholdNanoamps(target, SyntheticNerve.Condition.TEST_ALONE);
        assertThat(schedule.testAlone().estimate().orElseThrow().thresholdNanoamps() / controlTruth - 1)
                .isBetween(-0.01, 0.01);
    }
}
