package org.excitrack.tracking.tms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.Random;
import org.excitrack.model.Sweep;
import org.excitrack.sim.cortex.Cortex;
import org.excitrack.sim.cortex.CortexParameters;
import org.excitrack.sim.cortex.CortexTrial;
import org.excitrack.sim.cortex.CorticalResponse;
import org.junit.jupiter.api.Test;

class SilentPeriodDetectorTest {
    private static final MepMeasurer ACTIVE = MepMeasurer.restingDefaults()
            .withCriterion(PreStimulusCriterion.activeBand(PreStimulusCriterion.Measure.RMS, 10, 500));
    private static final SilentPeriodDetector DETECTOR = SilentPeriodDetector.defaults(ACTIVE);
    private static final long TEST = 150_000;

    /**
     * 300 ms at 5 kHz: EMG as white noise of 60 µV rms (a sum of motor units; the detector does not care about
     * its spectrum), suppressed to 3 % from {@code silenceFrom} to {@code silenceTo} µs, plus an 800 µV MEP at 22 ms.
     */
    private static Sweep activeSweep(long silenceFrom, long silenceTo, long seed) {
        Random random = new Random(seed);
        short[] counts = new short[1500];
        for (int i = 0; i < counts.length; i++) {
            double t = i * 200.0;
            double gain = t >= silenceFrom && t < silenceTo ? 0.03 : 1;
            double uv = gain * 60 * random.nextGaussian() + MepMeasurerTest.mep(TEST + 22_000, 800).applyAsDouble(t);
            counts[i] = (short) Math.round(uv);
        }
        return new Sweep(5_000, 0, 1, 1_000, counts);
    }

    @Test
    void findsTheSilenceAfterTheMep() {
        Sweep sweep = activeSweep(TEST + 22_000, TEST + 122_000, 1);
        SilentPeriod csp = DETECTOR.detect(sweep, 0, TEST, TEST).orElseThrow();
        assertThat(csp.suppressionOffsetMicros()).isCloseTo(122_000, within(1_500.0));
        assertThat(csp.suppressionOnsetMicros()).isBetween(28_000.0, 34_000.0); // the MEP ends at 30 ms
        assertThat(csp.durationFromMepOnsetMillis()).isCloseTo(100, within(1.6));
        assertThat(csp.durationFromPulseMillis()).isCloseTo(122, within(1.6));
        assertThat(csp.preStimulusMeanRectifiedMicrovolts()).isCloseTo(60 * Math.sqrt(2 / Math.PI), within(4.0));
    }

    @Test
    void ongoingEmgWithoutASilenceHasNone() {
        assertThat(DETECTOR.detect(activeSweep(0, 0, 2), 0, TEST, TEST)).isEmpty();
    }

    @Test
    void aFewMillisecondsOfLullAreNotASilentPeriod() {
        assertThat(DETECTOR.detect(activeSweep(TEST + 40_000, TEST + 46_000, 3), 0, TEST, TEST)).isEmpty();
    }

    @Test
    void aSilenceThatOutlastsTheSweepHasNoMeasurableEnd() {
        assertThat(DETECTOR.detect(activeSweep(TEST + 22_000, 400_000, 4), 0, TEST, TEST)).isEmpty();
    }

    @Test
    void theVirtualCortexsSilentPeriodGrowsAsItShould() {
        // healthy: 10/3 ms per % RMT above 90 % RMT, from the MEP onset (virtual-cortex.md)
        Cortex cortex = new Cortex(CortexParameters.healthy());
        double rmt = cortex.restingMotorThresholdPercent();
        Random random = new Random(5);
        long onset = CortexTrial.STANDARD_TEST_ONSET_MICROS;
        for (double percentRmt : new double[] {120, 140}) {
            CorticalResponse response = cortex.respond(CortexTrial.single(percentRmt * rmt / 100).withContraction(0.2),
                    random);
            Sweep sweep = CortexSweeps.record(response, onset - 120_000, onset + 300_000, 2, random);
            Optional<SilentPeriod> csp = DETECTOR.detect(sweep, 0, onset, onset);
            double expectedMillis = (percentRmt - 90) * 10.0 / 3;
            assertThat(csp).as("%s %% RMT", percentRmt).isPresent();
            assertThat(csp.get().durationFromMepOnsetMillis()).as("%s %% RMT", percentRmt)
                    .isCloseTo(expectedMillis, within(5.0));
        }
    }

    @Test
    void atRestThereIsNoSilentPeriod() {
        Cortex cortex = new Cortex(CortexParameters.healthy());
        Random random = new Random(6);
        long onset = CortexTrial.STANDARD_TEST_ONSET_MICROS;
        CorticalResponse response = cortex.respond(CortexTrial.single(70), random);
        Sweep sweep = CortexSweeps.record(response, onset - 120_000, onset + 300_000, 2, random);
        assertThat(SilentPeriodDetector.defaults(MepMeasurer.restingDefaults()).detect(sweep, 0, onset, onset))
                .isEmpty();
    }
}
