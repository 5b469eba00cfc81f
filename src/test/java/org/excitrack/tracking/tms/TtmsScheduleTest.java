package org.excitrack.tracking.tms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class TtmsScheduleTest {
    private static final List<Double> ISIS = List.of(3.0, 1.0, 2.5);
    private static final LogAmplitudeRegression REGRESSION = LogAmplitudeRegression.tankisi(200);
    private static final MsoThresholdTracker.Settings SETTINGS = MsoThresholdTracker.Settings.standard();

    /** Runs a schedule against MEPs from {@code meps}, returning the trials in order. */
    private static List<TtmsTrial> run(TtmsSchedule schedule, ToDoubleFunction<TtmsTrial> meps) {
        List<TtmsTrial> trials = new ArrayList<>();
        while (!schedule.isFinished()) {
            TtmsTrial trial = schedule.next().orElseThrow();
            assertThat(schedule.next()).contains(trial);
            trials.add(trial);
            schedule.completed(trial, trial.testPercentMso(), meps.applyAsDouble(trial));
        }
        return trials;
    }

    /** A cortex whose test-alone threshold is 50 %MSO and whose conditioned thresholds are 10 % higher per ms. */
    private static ToDoubleFunction<TtmsTrial> cortex(Random random) {
        return trial -> {
            double t = trial.isTestAlone() ? 50 : 50 * (1 + 0.02 * trial.intervalMillis());
            return 200 * Math.pow(10, (trial.testPercentMso() + 2 * random.nextGaussian() - t) / (0.18 * t));
        };
    }

    @Test
    void serialTrackingAlternatesTestAloneAndConditionedWithIntervalsAscending() {
        SerialTtmsSchedule serial = new SerialTtmsSchedule(ISIS, 4, 50, REGRESSION, SETTINGS);
        assertThat(serial.intervalsMillis()).containsExactly(1.0, 2.5, 3.0);
        List<TtmsTrial> trials = run(serial, cortex(new Random(1)));
        assertThat(trials).hasSize(2 * 4 * 3);
        for (int i = 0; i < trials.size(); i++) {
            assertThat(trials.get(i).isTestAlone()).isEqualTo(i % 2 == 0);
        }
        List<Double> conditionedIsis = trials.stream().filter(t -> !t.isTestAlone()).map(TtmsTrial::intervalMillis)
                .toList();
        assertThat(conditionedIsis).containsExactly(1.0, 1.0, 1.0, 1.0, 2.5, 2.5, 2.5, 2.5, 3.0, 3.0, 3.0, 3.0);
        assertThat(serial.conditionedThresholds()).containsOnlyKeys(1.0, 2.5, 3.0);
    }

    @Test
    void serialTrackingStartsEachIntervalWhereThePreviousOneEnded() {
        SerialTtmsSchedule serial = new SerialTtmsSchedule(List.of(1.0, 2.0), 4, 50, REGRESSION, SETTINGS);
        List<TtmsTrial> trials = run(serial, cortex(new Random(2)));
        TtmsTrial firstAtTwo = trials.stream().filter(t -> t.intervalMillis() == 2.0).findFirst().orElseThrow();
        long previousThreshold = Math.round(serial.conditioned(1).orElseThrow().estimate().orElseThrow()
                .thresholdPercentMso());
        assertThat(firstAtTwo.testPercentMso()).isEqualTo((int) previousThreshold);
    }

    @Test
    void parallelTrackingShufflesEveryRoundAndIntersperesTheTestAlone() {
        List<Double> isis = List.of(1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 7.0);
        ParallelTtmsSchedule parallel = new ParallelTtmsSchedule(isis, 6, 2, 50, REGRESSION, SETTINGS, 42);
        List<TtmsTrial> trials = run(parallel, cortex(new Random(3)));
        // 54 conditioned, a test alone first and after every two: 27
        assertThat(trials).hasSize(81);
        assertThat(trials.get(0).isTestAlone()).isTrue();
        List<Integer> conditioned = trials.stream().filter(t -> !t.isTestAlone()).map(TtmsTrial::conditionIndex)
                .toList();
        for (int round = 0; round < 6; round++) {
            assertThat(conditioned.subList(9 * round, 9 * round + 9)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7,
                    8, 9);
        }
        assertThat(conditioned.subList(0, 9)).isNotEqualTo(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9));
        int sinceTestAlone = 0;
        for (TtmsTrial t : trials.subList(1, trials.size())) {
            sinceTestAlone = t.isTestAlone() ? 0 : sinceTestAlone + 1;
            assertThat(sinceTestAlone).isLessThanOrEqualTo(2);
        }
        assertThat(trials.get(trials.size() - 1).isTestAlone()).as("it ends with the last conditioned trial").isFalse();
    }

    @Test
    void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        ToDoubleFunction<TtmsTrial> fixed = t -> 200;
        List<TtmsTrial> a = run(new ParallelTtmsSchedule(ISIS, 5, 2, 50, REGRESSION, SETTINGS, 7), fixed);
        List<TtmsTrial> b = run(new ParallelTtmsSchedule(ISIS, 5, 2, 50, REGRESSION, SETTINGS, 7), fixed);
        List<TtmsTrial> c = run(new ParallelTtmsSchedule(ISIS, 5, 2, 50, REGRESSION, SETTINGS, 8), fixed);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void parallelTrackingFindsTheConditionedThresholds() {
        ParallelTtmsSchedule parallel = new ParallelTtmsSchedule(List.of(5.0, 10.0), 12, 2, 50, REGRESSION, SETTINGS,
                1);
        run(parallel, cortex(new Random(4)));
        Map<Double, TrackedThreshold> thresholds = parallel.conditionedThresholds();
        assertThat(thresholds.get(5.0).thresholdPercentMso()).isBetween(53.0, 57.0);
        assertThat(thresholds.get(10.0).thresholdPercentMso()).isBetween(58.0, 62.0);
        assertThat(parallel.testAlone().estimate().orElseThrow().thresholdPercentMso()).isBetween(48.0, 52.0);
    }

    @Test
    void completingAnotherTrialThanThePendingOneIsRefused() {
        SerialTtmsSchedule serial = new SerialTtmsSchedule(ISIS, 2, 50, REGRESSION, SETTINGS);
        TtmsTrial first = serial.next().orElseThrow();
        assertThatThrownBy(() -> serial.completed(new TtmsTrial(1, 1.0, 50), 50, 100))
                .isInstanceOf(IllegalStateException.class);
        serial.completed(first, 50, 100);
        assertThatThrownBy(() -> new SerialTtmsSchedule(List.of(1.0, 1.0), 2, 50, REGRESSION, SETTINGS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
