package org.excitrack.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.excitrack.device.DeviceException;
import org.excitrack.model.LimitViolation;
import org.excitrack.model.Polarity;
import org.excitrack.model.PolarizingStep;
import org.excitrack.model.Pulse;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.SafetyLimits.Limit;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrialRunnerTest {
    private static final long MS = 1_000_000L;
    private static final RecordingWindow WINDOW = new RecordingWindow(0, 30_000);
    /** Nerve defaults: 50 mA, 50 000 nC per pulse, 10 mA / 10 000 000 nC / 1 s polarizing, 100 ms minimum. */
    private static final SafetyLimits LIMITS = SafetyLimits.nerveDefaults();

    private final StubAcquisitionUnit unit = new StubAcquisitionUnit();
    private FakeTicker ticker;

    @BeforeEach
    void attachVirtualTime() {
        ticker = new FakeTicker(5_000 * MS);
        unit.ticker = ticker;
        unit.trialDurationNanos = 30 * MS;
    }

    private static TrialSpec pulse(long id, long nanoamps) {
        return TrialSpec.singlePulse(id, Pulse.cathodal(2_000, 1_000, nanoamps), WINDOW);
    }

    // --- limits ---

    @Test
    void aTrialOverTheLimitsIsRefusedWithEveryViolationAndNothingReachesTheUnit() throws Exception {
        TrialRunner runner = new TrialRunner(unit, LIMITS, 100_000, ticker);
        TrialSpec bad = new TrialSpec(1, List.of(Pulse.cathodal(2_000, 2_000, 60_000_000)),
                List.of(new PolarizingStep(0, 2_000_000, 1_000, Polarity.ANODAL)), List.of(), WINDOW);

        assertThatThrownBy(() -> runner.run(bad))
                .isInstanceOfSatisfying(StimulusRefusedException.class, e -> {
                    assertThat(e.violations()).containsExactly(
                            new LimitViolation(Limit.PULSE_CURRENT, "pulse 1", 60_000_000, 50_000_000),
                            new LimitViolation(Limit.PULSE_CHARGE, "pulse 1", 120_000, 50_000),
                            new LimitViolation(Limit.POLARIZING_DURATION, "polarizing step 1", 2_000_000,
                                    1_000_000));
                    assertThat(e).hasMessage("refused trial 1: "
                            + "pulse 1: pulse current 60.000 mA exceeds the limit of 50.000 mA; "
                            + "pulse 1: pulse charge 120.000 µC exceeds the limit of 50.000 µC; "
                            + "polarizing step 1: polarizing duration 2000 ms exceeds the limit of 1000 ms");
                });

        assertThat(unit.calls).isEmpty();
        assertThat(ticker.sleeps).isEmpty();
        assertThat(runner.nextTrialId()).isEqualTo(1);
        assertThat(runner.trialsRun()).isZero();
    }

    @Test
    void aRefusedTrialDoesNotUseUpItsIdOrDelayTheNext() throws Exception {
        TrialRunner runner = new TrialRunner(unit, LIMITS, 100_000, ticker);

        assertThatThrownBy(() -> runner.run(pulse(1, 50_000_001))).isInstanceOf(StimulusRefusedException.class);
        TrialResult result = runner.run(pulse(1, 50_000_000));

        assertThat(result.trialId()).isEqualTo(1);
        assertThat(unit.trials).containsExactly(pulse(1, 50_000_000));
        assertThat(ticker.positiveSleeps()).isEmpty();
    }

    @Test
    void checkRefusesWithoutRunningAndAcceptsWhatIsWithinTheLimits() {
        TrialRunner runner = new TrialRunner(unit, LIMITS, 100_000, ticker);

        runner.check(pulse(1, 50_000_000));
        TrialSpec shortPulse = TrialSpec.singlePulse(7, Pulse.cathodal(2_000, 100, 50_000_001), WINDOW);
        assertThatThrownBy(() -> runner.check(shortPulse))
                .isInstanceOf(StimulusRefusedException.class)
                .hasMessage("refused trial 7: pulse 1: pulse current 50.000 mA (50000001 nA) exceeds the limit of "
                        + "50.000 mA (50000000 nA)");
        assertThat(unit.calls).isEmpty();
        assertThat(runner.limits()).isEqualTo(LIMITS);
    }

    // --- spacing ---

    @Test
    void theFirstTrialGoesAtOnceAndEachLaterOneWaitsOutTheInterval() throws Exception {
        TrialRunner runner = new TrialRunner(unit, LIMITS, 100_000, ticker);
        long t0 = ticker.now;

        runner.run(pulse(1, 1_000_000));       // unit busy 30 ms
        runner.run(pulse(2, 1_000_000));       // waits 70 ms
        ticker.advanceMillis(50);              // the caller works for 50 ms after the unit's 30 ms
        runner.run(pulse(3, 1_000_000));       // waits 20 ms
        ticker.advanceMillis(250);             // the caller is slower than the interval
        runner.run(pulse(4, 1_000_000));       // no wait

        assertThat(ticker.positiveSleeps()).containsExactly(70 * MS, 20 * MS);
        assertThat(ticker.sleeps).hasSize(3).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(70 * MS));
        assertThat(unit.trialStartNanos).containsExactly(t0, t0 + 100 * MS, t0 + 200 * MS, t0 + 200 * MS + 280 * MS);
        assertThat(runner.trialsRun()).isEqualTo(4);
    }

    @Test
    void aStopAskedForDuringTheIntervalSendsNoFurtherTrial() throws Exception {
        TrialRunner runner = new TrialRunner(unit, LIMITS, 1_000_000, ticker);
        SessionControl control = new SessionControl();
        runner.run(pulse(1, 1_000_000), control::checkpoint);

        // the operator aborts while the runner waits out the interval before trial 2
        Ticker abortingMidWait = new Ticker() {
            @Override
            public long nanoTime() {
                return ticker.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                control.abort();
                ticker.sleepNanos(nanos);
            }
        };
        TrialRunner waiting = new TrialRunner(unit, LIMITS, 1_000_000, abortingMidWait);
        waiting.run(pulse(1, 1_000_000), control::checkpoint);
        int sent = unit.trials.size();

        assertThatThrownBy(() -> waiting.run(pulse(2, 1_000_000), control::checkpoint))
                .isInstanceOf(SessionAbortedException.class);
        assertThat(unit.trials).hasSize(sent);
    }

    @Test
    void startsAreSpacedByTheRequestedIntervalWhenLongerThanTheMinimum() throws Exception {
        unit.trialDurationNanos = 3 * MS;
        TrialRunner runner = new TrialRunner(unit, LIMITS, 1_000_000, ticker);

        for (long id = 1; id <= 5; id++) {
            runner.run(pulse(id, 1_000_000));
        }

        assertThat(ticker.positiveSleeps()).containsExactly(997 * MS, 997 * MS, 997 * MS, 997 * MS);
        for (int i = 1; i < unit.trialStartNanos.size(); i++) {
            assertThat(unit.trialStartNanos.get(i) - unit.trialStartNanos.get(i - 1)).isEqualTo(1_000 * MS);
        }
    }

    @Test
    void spacingIsRightWhenTheMonotonicClockWrapsAround() throws Exception {
        ticker.now = Long.MAX_VALUE - 40 * MS;
        TrialRunner runner = new TrialRunner(unit, LIMITS, 100_000, ticker);

        runner.run(pulse(1, 1_000_000));
        runner.run(pulse(2, 1_000_000));

        assertThat(ticker.positiveSleeps()).containsExactly(70 * MS);
        assertThat(unit.trialStartNanos.get(1) - unit.trialStartNanos.get(0)).isEqualTo(100 * MS);
    }

    @Test
    void aTrialThatFailedAtTheUnitStillCountsForTheSpacing() throws Exception {
        TrialRunner runner = new TrialRunner(unit, LIMITS, 100_000, ticker);
        unit.failNextTrial = new DeviceException("link lost");

        assertThatThrownBy(() -> runner.run(pulse(1, 1_000_000))).isInstanceOf(DeviceException.class);
        runner.run(pulse(2, 1_000_000));

        assertThat(ticker.positiveSleeps()).containsExactly(100 * MS);
        assertThat(runner.trialsRun()).isEqualTo(1);
        assertThat(unit.trials).extracting(TrialSpec::trialId).containsExactly(1L, 2L);
    }

    @Test
    void anInterruptedWaitSendsNothingAndTheSameTrialCanBeRetried() throws Exception {
        TrialRunner runner = new TrialRunner(unit, LIMITS, 100_000, ticker);
        runner.run(pulse(1, 1_000_000));
        ticker.interruptNextSleep = true;

        assertThatThrownBy(() -> runner.run(pulse(2, 1_000_000))).isInstanceOf(InterruptedException.class);
        assertThat(unit.trials).hasSize(1);
        assertThat(runner.nextTrialId()).isEqualTo(2);

        runner.run(pulse(2, 1_000_000));
        assertThat(unit.trials).extracting(TrialSpec::trialId).containsExactly(1L, 2L);
        assertThat(unit.trialStartNanos.get(1) - unit.trialStartNanos.get(0)).isEqualTo(100 * MS);
    }

    // --- interval at construction ---

    @Test
    void anIntervalShorterThanTheMinimumIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new TrialRunner(unit, LIMITS, 99_999, ticker))
                .isInstanceOfSatisfying(StimulusRefusedException.class, e -> assertThat(e.violations())
                        .containsExactly(new LimitViolation(Limit.TRIAL_INTERVAL, "", 99_999, 100_000)))
                .hasMessage("refused the stimulus rate: trial interval 99.999 ms is shorter than the minimum of 100 ms");
        assertThatThrownBy(() -> new TrialRunner(unit, LIMITS, 50_000, ticker))
                .hasMessage("refused the stimulus rate: trial interval 50 ms is shorter than the minimum of "
                        + "100 ms");
        assertThat(unit.calls).isEmpty();
    }

    @Test
    void anIntervalEqualToTheMinimumIsAccepted() throws Exception {
        TrialRunner runner = new TrialRunner(unit, LIMITS, 100_000, ticker);

        runner.run(pulse(1, 1_000_000));

        assertThat(unit.trials).hasSize(1);
    }

    @Test
    void anIntervalTooLongToCountInNanosecondsIsRefusedRatherThanWrappingToNoSpacing() {
        long tooLong = Long.MAX_VALUE / 1_000 + 1;

        assertThatThrownBy(() -> new TrialRunner(unit, LIMITS, tooLong, ticker))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(tooLong));
    }

    // --- trial ids ---

    @Test
    void trialIdsMustBeSequentialFromOne() throws Exception {
        TrialRunner runner = new TrialRunner(unit, LIMITS, 100_000, ticker);
        assertThat(runner.nextTrialId()).isEqualTo(1);

        assertThatThrownBy(() -> runner.run(pulse(0, 1_000_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("trial id 0 is not the next id 1");
        runner.run(pulse(1, 1_000_000));
        assertThat(runner.nextTrialId()).isEqualTo(2);
        assertThatThrownBy(() -> runner.run(pulse(1, 1_000_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("trial id 1 is not the next id 2");
        assertThatThrownBy(() -> runner.run(pulse(3, 1_000_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("trial id 3 is not the next id 2");
        runner.run(pulse(2, 1_000_000));

        assertThat(unit.trials).extracting(TrialSpec::trialId).containsExactly(1L, 2L);
        assertThat(runner.nextTrialId()).isEqualTo(3);
    }

    @Test
    void aWrongIdIsRefusedBeforeAnyWaiting() throws Exception {
        TrialRunner runner = new TrialRunner(unit, LIMITS, 100_000, ticker);
        runner.run(pulse(1, 1_000_000));
        int sleepsBefore = ticker.sleeps.size();

        assertThatThrownBy(() -> runner.run(pulse(5, 1_000_000))).isInstanceOf(IllegalArgumentException.class);

        assertThat(ticker.sleeps).hasSize(sleepsBefore);
        assertThat(unit.trials).hasSize(1);
    }

    @Test
    void theUnitsResultIsReturnedUnchanged() throws Exception {
        TrialRunner runner = new TrialRunner(unit, LIMITS, 100_000, ticker);

        TrialResult result = runner.run(pulse(1, 4_200_000));

        assertThat(result.trialId()).isEqualTo(1);
        assertThat(result.deliveredPulses()).containsExactly(Pulse.cathodal(2_000, 1_000, 4_200_000));
    }
}
