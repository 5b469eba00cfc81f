package org.excitrack.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.excitrack.model.SafetyLimits.Limit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafetyLimitsTest {
    private static final RecordingWindow WINDOW = new RecordingWindow(0, 30_000);
    /** 50 mA, 50 000 nC, 10 mA, 10 000 000 nC, 1 s, 100 ms: the same values as {@link SafetyLimits#nerveDefaults()}. */
    private static final SafetyLimits LIMITS =
            new SafetyLimits(50_000_000L, 50_000L, 10_000_000L, 10_000_000L, 1_000_000L, 100_000L);

    private static TrialSpec pulses(Pulse... pulses) {
        return new TrialSpec(1, List.of(pulses), List.of(), List.of(), WINDOW);
    }

    private static TrialSpec polarizing(PolarizingStep... steps) {
        return new TrialSpec(1, List.of(), List.of(steps), List.of(), WINDOW);
    }

    private static PolarizingStep step(long durationMicros, long nanoamps) {
        return new PolarizingStep(0, durationMicros, nanoamps, Polarity.ANODAL);
    }

    @Test
    void nerveDefaultsAreTheDocumentedValues() {
        assertThat(SafetyLimits.nerveDefaults()).isEqualTo(LIMITS);
    }

    @Test
    void aTrialWithinEveryLimitHasNoViolations() {
        TrialSpec trial = new TrialSpec(1, List.of(Pulse.cathodal(2_000, 1_000, 5_000_000)),
                List.of(step(100_000, 1_000_000)), List.of(new TriggerOut(0, 0, 100)), WINDOW);

        assertThat(LIMITS.violations(trial)).isEmpty();
    }

    // --- pulse current ---

    @Test
    void pulseCurrentEqualToTheLimitIsAllowed() {
        assertThat(LIMITS.violations(pulses(Pulse.cathodal(0, 100, 50_000_000)))).isEmpty();
    }

    @Test
    void pulseCurrentOneNanoampAboveTheLimitIsRefused() {
        assertThat(LIMITS.violations(pulses(Pulse.cathodal(0, 100, 50_000_001))))
                .containsExactly(new LimitViolation(Limit.PULSE_CURRENT, "pulse 1", 50_000_001, 50_000_000));
    }

    @Test
    void anodalPulsesAreLimitedByMagnitudeToo() {
        assertThat(LIMITS.violations(pulses(new Pulse(0, 100, 50_000_001, Polarity.ANODAL))))
                .extracting(LimitViolation::limit).containsExactly(Limit.PULSE_CURRENT);
    }

    // --- pulse charge ---

    @Test
    void chargeIsComputedExactly_50mATimes1msIs50000nC() {
        Pulse pulse = Pulse.cathodal(0, 1_000, 50_000_000);

        assertThat(pulse.chargeFemtocoulombs()).isEqualTo(50_000_000_000L);
        assertThat(LIMITS.violations(pulses(pulse))).as("exactly at the 50 000 nC limit").isEmpty();
    }

    @Test
    void pulseChargeOneMicrosecondLongerIsRefusedWithItsCharge() {
        // 50 mA × 1001 µs = 50 050 nC
        assertThat(LIMITS.violations(pulses(Pulse.cathodal(0, 1_001, 50_000_000))))
                .containsExactly(new LimitViolation(Limit.PULSE_CHARGE, "pulse 1", 50_050, 50_000));
    }

    @Test
    void pulseChargeOneFemtocoulombAboveTheLimitIsRefusedAndReportedRoundedUp() {
        SafetyLimits highCurrent = new SafetyLimits(100_000_000L, 50_000L, 0, 0, 0, 0);
        // 50 000 001 nA × 1000 µs = 50 000 001 000 fC = 50 000.001 nC
        Pulse pulse = Pulse.cathodal(0, 1_000, 50_000_001);

        assertThat(highCurrent.violations(pulses(pulse)))
                .containsExactly(new LimitViolation(Limit.PULSE_CHARGE, "pulse 1", 50_001, 50_000));
    }

    @Test
    void pulseChargeJustBelowTheLimitIsAllowed() {
        SafetyLimits highCurrent = new SafetyLimits(100_000_000L, 50_000L, 0, 0, 0, 0);
        // 49 999 999 nA × 1000 µs = 49 999.999 nC
        assertThat(highCurrent.violations(pulses(Pulse.cathodal(0, 1_000, 49_999_999)))).isEmpty();
    }

    @Property(tries = 300, seed = "20240611")
    void pulseChargeIsRefusedExactlyWhenAmplitudeTimesWidthExceedsTheLimit(
            @ForAll @LongRange(min = 0, max = 100_000_000L) long amplitude,
            @ForAll @LongRange(min = 1, max = 100_000L) long width,
            @ForAll @LongRange(min = 0, max = 5_000_000L) long limitNanocoulombs) {
        SafetyLimits limits = new SafetyLimits(Long.MAX_VALUE, limitNanocoulombs, 0, 0, 0, 0);
        BigInteger femto = BigInteger.valueOf(amplitude).multiply(BigInteger.valueOf(width));
        BigInteger limitFemto = BigInteger.valueOf(limitNanocoulombs).multiply(BigInteger.valueOf(1_000_000));
        boolean over = femto.compareTo(limitFemto) > 0;

        List<LimitViolation> violations = limits.violations(pulses(Pulse.cathodal(0, width, amplitude)));

        if (over) {
            BigInteger[] qr = femto.divideAndRemainder(BigInteger.valueOf(1_000_000));
            long ceilNano = qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
            assertThat(violations).containsExactly(
                    new LimitViolation(Limit.PULSE_CHARGE, "pulse 1", ceilNano, limitNanocoulombs));
        } else {
            assertThat(violations).isEmpty();
        }
    }

    @Test
    void zeroLimitsRefuseAnyCurrentButAllowAZeroPulse() {
        SafetyLimits zero = new SafetyLimits(0, 0, 0, 0, 0, 0);

        assertThat(zero.violations(pulses(Pulse.cathodal(0, 1_000, 0)))).isEmpty();
        assertThat(zero.violations(pulses(Pulse.cathodal(0, 1, 1))))
                .extracting(LimitViolation::limit).containsExactly(Limit.PULSE_CURRENT, Limit.PULSE_CHARGE);
    }

    // --- polarizing current, duration and charge ---

    @Test
    void polarizingStepAtEveryLimitIsAllowed() {
        // 10 mA for 1 s = 10 000 000 nC, each exactly at its limit
        PolarizingStep atLimits = step(1_000_000, 10_000_000);

        assertThat(atLimits.chargeFemtocoulombs()).isEqualTo(10_000_000_000_000L);
        assertThat(LIMITS.violations(polarizing(atLimits))).isEmpty();
    }

    @Test
    void polarizingCurrentOneNanoampAboveTheLimitIsRefused() {
        assertThat(LIMITS.violations(polarizing(step(100_000, 10_000_001))))
                .containsExactly(new LimitViolation(Limit.POLARIZING_CURRENT, "polarizing step 1", 10_000_001,
                        10_000_000));
    }

    @Test
    void polarizingDurationOneMicrosecondAboveTheLimitIsRefused() {
        assertThat(LIMITS.violations(polarizing(step(1_000_001, 1_000_000))))
                .containsExactly(new LimitViolation(Limit.POLARIZING_DURATION, "polarizing step 1", 1_000_001,
                        1_000_000));
    }

    @Test
    void polarizingChargeAloneIsCheckedExactly() {
        SafetyLimits limits = new SafetyLimits(0, 0, 10_000_000L, 5_000_000L, 10_000_000L, 0);

        assertThat(limits.violations(polarizing(step(500_000, 10_000_000)))).as("5 000 000 nC: at the limit")
                .isEmpty();
        assertThat(limits.violations(polarizing(step(500_001, 10_000_000))))
                .containsExactly(new LimitViolation(Limit.POLARIZING_CHARGE, "polarizing step 1", 5_000_010,
                        5_000_000));
    }

    @Test
    void tooLongAtFullCurrentBreaksDurationAndChargeTogether() {
        assertThat(LIMITS.violations(polarizing(step(1_000_001, 10_000_000)))).containsExactly(
                new LimitViolation(Limit.POLARIZING_DURATION, "polarizing step 1", 1_000_001, 1_000_000),
                new LimitViolation(Limit.POLARIZING_CHARGE, "polarizing step 1", 10_000_010, 10_000_000));
    }

    // --- several at once ---

    @Test
    void everyViolationIsReportedInOrderPulsesThenPolarizingSteps() {
        TrialSpec trial = new TrialSpec(1,
                List.of(Pulse.cathodal(0, 100, 1_000_000), Pulse.cathodal(5_000, 2_000, 60_000_000)),
                List.of(step(10_000, 1_000), step(2_000_000, 20_000_000)),
                List.of(), WINDOW);

        assertThat(LIMITS.violations(trial)).containsExactly(
                new LimitViolation(Limit.PULSE_CURRENT, "pulse 2", 60_000_000, 50_000_000),
                new LimitViolation(Limit.PULSE_CHARGE, "pulse 2", 120_000, 50_000),
                new LimitViolation(Limit.POLARIZING_CURRENT, "polarizing step 2", 20_000_000, 10_000_000),
                new LimitViolation(Limit.POLARIZING_DURATION, "polarizing step 2", 2_000_000, 1_000_000),
                new LimitViolation(Limit.POLARIZING_CHARGE, "polarizing step 2", 40_000_000, 10_000_000));
    }

    @Test
    void triggersAndTheRecordingWindowAreNotLimited() {
        TrialSpec trial = new TrialSpec(1, List.of(), List.of(),
                List.of(new TriggerOut(3, 0, 10_000_000)), new RecordingWindow(0, 10_000_000));

        assertThat(LIMITS.violations(trial)).isEmpty();
    }

    // --- trial interval ---

    @Test
    void intervalEqualToTheMinimumIsAllowed() {
        assertThat(LIMITS.intervalViolations(100_000)).isEmpty();
        assertThat(LIMITS.intervalViolations(1_000_000)).isEmpty();
    }

    @Test
    void intervalOneMicrosecondShorterIsRefused() {
        assertThat(LIMITS.intervalViolations(99_999))
                .containsExactly(new LimitViolation(Limit.TRIAL_INTERVAL, "", 99_999, 100_000));
    }

    @Test
    void negativeIntervalIsRefusedEvenWithoutAMinimum() {
        SafetyLimits none = LIMITS.withMinTrialIntervalMicros(0);

        assertThat(none.intervalViolations(0)).isEmpty();
        assertThat(none.intervalViolations(-1)).extracting(LimitViolation::limit)
                .containsExactly(Limit.TRIAL_INTERVAL);
    }

    // --- combining ---

    @Test
    void tighterOfTakesTheSmallerMaximaAndTheLongerInterval() {
        SafetyLimits a = new SafetyLimits(10, 200, 30, 400, 50, 600);
        SafetyLimits b = new SafetyLimits(100, 20, 300, 40, 500, 60);

        SafetyLimits expected = new SafetyLimits(10, 20, 30, 40, 50, 600);
        assertThat(a.tighterOf(b)).isEqualTo(expected);
        assertThat(b.tighterOf(a)).isEqualTo(expected);
        assertThat(a.tighterOf(a)).isEqualTo(a);
    }

    @Test
    void withMinTrialIntervalChangesOnlyTheInterval() {
        assertThat(LIMITS.withMinTrialIntervalMicros(7)).isEqualTo(
                new SafetyLimits(50_000_000L, 50_000L, 10_000_000L, 10_000_000L, 1_000_000L, 7));
    }

    // --- preconditions and wire codes ---

    @ParameterizedTest
    @CsvSource({
            "0, max pulse current -1 nA is negative",
            "1, max pulse charge -1 nC is negative",
            "2, max polarizing current -1 nA is negative",
            "3, max polarizing charge -1 nC is negative",
            "4, max polarizing duration -1 µs is negative",
            "5, min trial interval -1 µs is negative"})
    void negativeLimitsAreRejectedNamingTheField(int field, String message) {
        long[] v = {1, 1, 1, 1, 1, 1};
        v[field] = -1;

        assertThatThrownBy(() -> new SafetyLimits(v[0], v[1], v[2], v[3], v[4], v[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void limitWireCodesRoundTripAndUnknownCodesAreRejected() {
        for (Limit l : Limit.values()) {
            assertThat(Limit.fromWireCode(l.wireCode())).isEqualTo(l);
        }
        assertThat(Limit.PULSE_CHARGE.wireCode()).isEqualTo(2);
        assertThat(Limit.TRIAL_INTERVAL.wireCode()).isEqualTo(6);
        assertThatThrownBy(() -> Limit.fromWireCode(0)).hasMessageContaining("limit code 0");
        assertThatThrownBy(() -> Limit.fromWireCode(7)).hasMessageContaining("limit code 7");
    }
}
