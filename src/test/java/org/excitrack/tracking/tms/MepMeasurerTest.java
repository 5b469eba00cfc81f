package org.excitrack.tracking.tms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.excitrack.model.Sweep;
import org.excitrack.sim.cortex.Cortex;
import org.excitrack.sim.cortex.CortexParameters;
import org.excitrack.sim.cortex.CortexTrial;
import org.excitrack.sim.cortex.CorticalResponse;
import org.junit.jupiter.api.Test;

class MepMeasurerTest {
    private static final long TEST = 150_000;  // test pulse 150 ms into the sweep
    private static final double OFFSET = 250;  // µV of DC offset the baseline must remove
    private static final MepMeasurer DEFAULTS = MepMeasurer.restingDefaults();

    /** 300 ms at 5 kHz from 0, 1 µV per count. */
    static Sweep sweep(DoubleUnaryOperator microvoltsAt, double noiseRms, long seed) {
        Random random = new Random(seed);
        short[] counts = new short[1500];
        for (int i = 0; i < counts.length; i++) {
            double uv = OFFSET + microvoltsAt.applyAsDouble(i * 200.0) + noiseRms * random.nextGaussian();
            counts[i] = (short) Math.round(uv);
        }
        return new Sweep(5_000, 0, 1, 1_000, counts);
    }

    /** A negative-then-positive MEP whose first phase starts at {@code onset}: a period of a sine, 8 ms long. */
    static DoubleUnaryOperator mep(long onset, double peakToPeak) {
        return t -> t < onset || t > onset + 8_000 ? 0
                : -0.5 * peakToPeak * Math.sin(2 * Math.PI * (t - onset) / 8_000);
    }

    @Test
    void peakToPeakAndOnsetOfANoiseFreeMep() {
        MepMeasures m = DEFAULTS.measure(sweep(mep(TEST + 22_000, 800), 0, 1), TEST);
        assertThat(m.peakToPeakMicrovolts()).isCloseTo(800, within(2.0));
        // 10 % of the 400 µV deflection is reached where sin(2πt/8 ms) = 0.1: 0.127 ms after the onset
        assertThat(m.onsetLatencyMicros()).isCloseTo(22_000 + 8_000 * Math.asin(0.1) / (2 * Math.PI), within(25.0));
        assertThat(m.isAccepted()).isTrue();
    }

    @Test
    void noiseAloneHasASmallPeakToPeakAndNoOnset() {
        MepMeasures m = DEFAULTS.measure(sweep(t -> 0, 3, 2), TEST);
        assertThat(m.hasOnset()).isFalse();
        assertThat(m.peakToPeakMicrovolts()).isBetween(10.0, 30.0);
        assertThat(m.preStimulus().rmsMicrovolts()).isCloseTo(3, within(0.5));
        assertThat(m.isAccepted()).isTrue();
    }

    @Test
    void aSmallMepInNoiseIsTimedByTheNoiseLevel() {
        MepMeasures m = DEFAULTS.measure(sweep(mep(TEST + 22_000, 100), 2, 3), TEST);
        assertThat(m.peakToPeakMicrovolts()).isCloseTo(100, within(12.0));
        // 5 × 2 µV of a 50 µV deflection: sin = 0.2 after ≈ 0.26 ms, give or take the noise
        assertThat(m.onsetLatencyMicros()).isBetween(22_000.0, 22_800.0);
    }

    @Test
    void anMepOutsideTheWindowIsNotMeasured() {
        Sweep early = sweep(mep(TEST + 5_000, 800), 0, 4);
        assertThat(DEFAULTS.measure(early, TEST).peakToPeakMicrovolts()).isLessThan(2);
        assertThat(DEFAULTS.withWindowMillis(2, 50).measure(early, TEST).peakToPeakMicrovolts())
                .isCloseTo(800, within(2.0));
    }

    @Test
    void aMotorUnitBeforeTheStimulusRejectsARestingTrial() {
        DoubleUnaryOperator unit = t -> Math.abs(t - (TEST - 40_000)) < 1_000 ? 60 * Math.sin((t - TEST) / 300.0) : 0;
        MepMeasures m = DEFAULTS.measure(sweep(t -> unit.applyAsDouble(t) + mep(TEST + 22_000, 500).applyAsDouble(t),
                2, 5), TEST);
        assertThat(m.preStimulus().peakToPeakMicrovolts()).isGreaterThan(100);
        assertThat(m.preStimulus().verdict()).isEqualTo(PreStimulusEmg.Verdict.TOO_ACTIVE);
        assertThat(m.isAccepted()).isFalse();
        // a stricter or looser limit is the caller's choice
        assertThat(DEFAULTS.withCriterion(PreStimulusCriterion.atRest(200)).measure(sweep(unit, 2, 5), TEST)
                .isAccepted()).isTrue();
    }

    @Test
    void activityBetweenTheConditioningAndTheTestPulseIsNotBackground() {
        long conditioning = TEST - 20_000;
        // an afferent stimulus's 2 mV artefact 20 ms before the test pulse: inside −100…−5 ms of the test pulse
        DoubleUnaryOperator artefact = t -> t >= conditioning && t < conditioning + 1_000 ? 2_000 : 0;
        Sweep sweep = sweep(artefact, 2, 6);
        assertThat(DEFAULTS.measure(sweep, 0, TEST, conditioning).isAccepted()).isTrue();
        assertThat(DEFAULTS.measure(sweep, 0, TEST, TEST).isAccepted()).isFalse();
    }

    @Test
    void anActiveBandRejectsTooLittleAndTooMuchContraction() {
        MepMeasurer active = DEFAULTS.withCriterion(
                PreStimulusCriterion.activeBand(PreStimulusCriterion.Measure.RMS, 20, 100));
        assertThat(active.measure(sweep(t -> 0, 5, 7), TEST).preStimulus().verdict())
                .isEqualTo(PreStimulusEmg.Verdict.TOO_QUIET);
        assertThat(active.measure(sweep(t -> 0, 50, 7), TEST).preStimulus().verdict())
                .isEqualTo(PreStimulusEmg.Verdict.ACCEPTED);
        assertThat(active.measure(sweep(t -> 0, 150, 7), TEST).preStimulus().verdict())
                .isEqualTo(PreStimulusEmg.Verdict.TOO_ACTIVE);
    }

    @Test
    void aSweepThatMissesAWindowIsRefusedWithTheReason() {
        Sweep shortSweep = new Sweep(5_000, 0, 1, 1_000, new short[800]); // ends at 160 ms
        assertThatThrownBy(() -> DEFAULTS.measure(shortSweep, TEST)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MEP window");
        Sweep late = new Sweep(5_000, 140_000, 1, 1_000, new short[1000]);
        assertThatThrownBy(() -> DEFAULTS.measure(late, TEST)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pre-stimulus");
        assertThatThrownBy(() -> new MepMeasurer(50_000, 15_000, -100_000, -5_000, PreStimulusCriterion.atRest()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVirtualCortexsMepIsMeasuredAtItsDrawnSize() {
        Cortex cortex = new Cortex(CortexParameters.healthy());
        Random random = new Random(8);
        long onset = CortexTrial.STANDARD_TEST_ONSET_MICROS;
        for (double intensity : new double[] {50, 60, 75}) {
            CorticalResponse response = cortex.respond(CortexTrial.single(intensity), random);
            Sweep sweep = CortexSweeps.record(response, onset - 120_000, onset + 100_000, 1, random);
            MepMeasures m = DEFAULTS.measure(sweep, onset);
            double drawn = response.meps().get(0).peakToPeakMicrovolts();
            assertThat(m.peakToPeakMicrovolts()).as("%s %%MSO", intensity).isCloseTo(drawn, within(0.05 * drawn + 20));
            if (drawn > 200) {
                assertThat(m.onsetLatencyMicros()).isCloseTo(response.meps().get(0).onsetMicros() - onset,
                        within(600.0));
            }
            assertThat(m.isAccepted()).isTrue();
        }
    }
}
