package org.excitrack.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.excitrack.model.SafetyLimits.Limit;
import org.junit.jupiter.api.Test;

class LimitViolationTest {

    @Test
    void describesEachKindInItsReadableUnit() {
        assertThat(new LimitViolation(Limit.PULSE_CURRENT, "pulse 1", 60_000_000, 50_000_000).describe())
                .isEqualTo("pulse 1: pulse current 60.000 mA exceeds the limit of 50.000 mA");
        assertThat(new LimitViolation(Limit.PULSE_CHARGE, "pulse 2", 50_050, 50_000).describe())
                .isEqualTo("pulse 2: pulse charge 50.050 µC exceeds the limit of 50.000 µC");
        assertThat(new LimitViolation(Limit.POLARIZING_CURRENT, "polarizing step 1", 12_500_000, 10_000_000)
                .describe())
                .isEqualTo("polarizing step 1: polarizing current 12.500 mA exceeds the limit of 10.000 mA");
        assertThat(new LimitViolation(Limit.POLARIZING_CHARGE, "polarizing step 1", 20_000_000, 10_000_000)
                .describe())
                .isEqualTo("polarizing step 1: polarizing charge 20.000 mC exceeds the limit of 10.000 mC");
        assertThat(new LimitViolation(Limit.POLARIZING_DURATION, "polarizing step 3", 2_000_000, 1_000_000)
                .describe())
                .isEqualTo("polarizing step 3: polarizing duration 2000 ms exceeds the limit of 1000 ms");
    }

    @Test
    void durationsUnderTenMillisecondsAreShownInMicroseconds() {
        assertThat(new LimitViolation(Limit.POLARIZING_DURATION, "polarizing step 1", 9_999, 5_000).describe())
                .isEqualTo("polarizing step 1: polarizing duration 9999 µs exceeds the limit of 5000 µs");
    }

    @Test
    void aTooShortIntervalIsDescribedAsShorterThanTheMinimumWithoutAPlace() {
        assertThat(new LimitViolation(Limit.TRIAL_INTERVAL, "", 42_000, 100_000).describe())
                .isEqualTo("trial interval 42 ms is shorter than the minimum of 100 ms");
    }

    @Test
    void shortIntervalsAreShownInMicroseconds() {
        assertThat(new LimitViolation(Limit.TRIAL_INTERVAL, "", 500, 9_999).describe())
                .isEqualTo("trial interval 500 µs is shorter than the minimum of 9999 µs");
    }

    @Test
    void theChargeJustOverTheLimitReadsAsLarger() {
        // SafetyLimits reports charge rounded up to whole nC, which µC with three decimals shows exactly
        assertThat(new LimitViolation(Limit.PULSE_CHARGE, "pulse 1", 50_001, 50_000).describe())
                .isEqualTo("pulse 1: pulse charge 50.001 µC exceeds the limit of 50.000 µC");
    }

    @Test
    void aValueThatRoundsToTheLimitIsShownExactlySoTheSentenceIsNotSelfContradictory() {
        String current = new LimitViolation(Limit.PULSE_CURRENT, "pulse 1", 50_000_001, 50_000_000).describe();
        String duration = new LimitViolation(Limit.POLARIZING_DURATION, "polarizing step 1", 1_000_040, 1_000_000)
                .describe();
        String interval = new LimitViolation(Limit.TRIAL_INTERVAL, "", 99_990, 100_000).describe();

        assertThat(current).isEqualTo("pulse 1: pulse current 50.000 mA (50000001 nA) exceeds the limit of "
                + "50.000 mA (50000000 nA)");
        assertThat(duration).isEqualTo("polarizing step 1: polarizing duration 1000.04 ms exceeds the limit of 1000 ms");
        assertThat(interval).isEqualTo("trial interval 99.99 ms is shorter than the minimum of 100 ms");
    }
}
