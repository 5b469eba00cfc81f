package org.excitrack.session;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.excitrack.model.SafetyLimits;
import org.junit.jupiter.api.Test;

class UnitBackstopTest {

    @Test
    void theUnitEnforcesHalfTheSessionIntervalAndEveryOtherLimitUnchanged() {
        SafetyLimits session = SafetyLimits.nerveDefaults();

        assertThat(UnitBackstop.limitsFor(session))
                .isEqualTo(new SafetyLimits(50_000_000L, 50_000L, 10_000_000L, 10_000_000L, 1_000_000L, 50_000L));
    }

    @Test
    void oddIntervalsRoundHalfUp() {
        SafetyLimits base = SafetyLimits.nerveDefaults();

        assertThat(UnitBackstop.limitsFor(base.withMinTrialIntervalMicros(3)).minTrialIntervalMicros()).isEqualTo(2);
        assertThat(UnitBackstop.limitsFor(base.withMinTrialIntervalMicros(1)).minTrialIntervalMicros()).isEqualTo(1);
        assertThat(UnitBackstop.limitsFor(base.withMinTrialIntervalMicros(0)).minTrialIntervalMicros()).isZero();
    }

    @Test
    void correctlyPacedTrialsArrivingLateByLinkJitterPassTheBackstop() {
        SafetyLimits session = SafetyLimits.nerveDefaults();
        SafetyLimits unit = UnitBackstop.limitsFor(session);
        // trial n paced on time, trial n-1 delayed 16 ms by a USB-serial adapter: the unit sees 84 ms
        long seenByUnit = session.minTrialIntervalMicros() - 16_000;

        assertThat(session.intervalViolations(seenByUnit)).as("an equal limit would trip").isNotEmpty();
        assertThat(unit.intervalViolations(seenByUnit)).isEmpty();
    }

    @Test
    void aRunawayHostAtTwiceTheRateOrMoreIsStopped() {
        SafetyLimits unit = UnitBackstop.limitsFor(SafetyLimits.nerveDefaults());

        assertThat(unit.intervalViolations(50_000)).isEmpty();
        assertThat(unit.intervalViolations(49_999)).isNotEmpty();
    }

    @Property(tries = 200, seed = "7")
    void theBackstopIsNeverStricterThanTheSessionAndHalvesWithinRounding(
            @ForAll @LongRange(min = 0, max = 100_000_000L) long minIntervalMicros) {
        SafetyLimits session = SafetyLimits.nerveDefaults().withMinTrialIntervalMicros(minIntervalMicros);

        long backstop = UnitBackstop.limitsFor(session).minTrialIntervalMicros();

        assertThat(backstop).isLessThanOrEqualTo(minIntervalMicros);
        assertThat(2 * backstop - minIntervalMicros).isBetween(0L, 1L);
        assertThat(UnitBackstop.limitsFor(session).withMinTrialIntervalMicros(minIntervalMicros)).isEqualTo(session);
    }
}
