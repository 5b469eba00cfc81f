package org.excitrack.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.excitrack.model.Response;
import org.excitrack.model.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CmapMeasurerTest {
    private static final int RATE_HZ = 10_000;            // 100 µs per sample
    private static final int NANOVOLTS_PER_COUNT = 1_000; // 1 µV per count, ±32.7 mV range
    private static final long ONSET = 10_000;             // 100 baseline samples before the stimulus
    private static final double BASELINE = 300;           // µV of DC offset, to be subtracted
    private static final CmapMeasurer MEASURER = CmapMeasurer.nerveDefaults();

    /** Builds a one-channel sweep from a signal in µV as a function of time after the stimulus onset, µs. */
    private static Sweep sweep(long startMicros, int samples, DoubleUnaryOperator microvoltsAfterOnset, double noiseRms,
                               long seed) {
        Random random = new Random(seed);
        short[] counts = new short[samples];
        for (int i = 0; i < samples; i++) {
            double t = startMicros + i * 1e6 / RATE_HZ - ONSET;
            double uv = BASELINE + microvoltsAfterOnset.applyAsDouble(t) + noiseRms * random.nextGaussian();
            counts[i] = (short) Math.round(uv * 1000 / NANOVOLTS_PER_COUNT);
        }
        return new Sweep(RATE_HZ, startMicros, 1, NANOVOLTS_PER_COUNT, counts);
    }

    private static Sweep sweep(DoubleUnaryOperator signal, double noiseRms, long seed) {
        return sweep(0, 400, signal, noiseRms, seed); // 40 ms
    }

    private static double gaussian(double t, double centre, double sd) {
        return Math.exp(-0.5 * ((t - centre) / sd) * ((t - centre) / sd));
    }

    /** A biphasic CMAP: negative phase {@code neg} µV at {@code latency}, positive {@code pos} µV 6 ms later. */
    private static DoubleUnaryOperator cmap(double neg, double latency, double pos) {
        return t -> -neg * gaussian(t, latency, 1_000) + pos * gaussian(t, latency + 6_000, 1_500);
    }

    /** A large biphasic stimulus artefact confined to the first {@code lastsMicros} after onset. */
    private static DoubleUnaryOperator artefact(double lastsMicros) {
        return t -> t < 0 || t >= lastsMicros ? 0 : (t < 200 ? -20_000 : 12_000 * Math.exp(-(t - 200) / 300));
    }

    @Test
    void noiselessCmapIsMeasuredToTheQuantisationStep() {
        Response r = MEASURER.measure(sweep(cmap(5_000, 6_000, 2_000), 0, 0), ONSET);

        assertThat(r.negativePeakMicrovolts()).isCloseTo(5_000, within(1.0));
        assertThat(r.peakToPeakMicrovolts()).isCloseTo(7_000, within(1.0));
        assertThat(r.latencyMicros()).isEqualTo(6_000.0);
        assertThat(r.baselineNoiseMicrovoltsRms()).isZero();
    }

    @Test
    void aPeakBetweenSamplesIsReportedAtTheNearestSample() {
        Response r = MEASURER.measure(sweep(cmap(5_000, 6_030, 0), 0, 0), ONSET);

        assertThat(r.latencyMicros()).isEqualTo(6_000.0);
        assertThat(r.negativePeakMicrovolts()).isCloseTo(5_000 * gaussian(6_000, 6_030, 1_000), within(1.0));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void noisyCmapIsMeasuredWithinTolerance(long seed) {
        double noise = 20;
        Response r = MEASURER.measure(sweep(cmap(5_000, 6_000, 2_000), noise, seed), ONSET);

        assertThat(r.negativePeakMicrovolts()).isCloseTo(5_000, within(5 * noise));
        assertThat(r.peakToPeakMicrovolts()).isCloseTo(7_000, within(10 * noise));
        assertThat(r.latencyMicros()).isCloseTo(6_000, within(200.0));
        // 100 baseline samples: the sample SD is within 25 % of the truth (about 3.5 of its standard errors)
        assertThat(r.baselineNoiseMicrovoltsRms()).isCloseTo(noise, within(0.25 * noise));
    }

    @Test
    void noResponseGivesOnlyTheNoise() {
        double noise = 20;
        Response r = MEASURER.measure(sweep(t -> 0, noise, 42), ONSET);

        assertThat(r.negativePeakMicrovolts()).isBetween(0.0, 5 * noise);
        assertThat(r.baselineNoiseMicrovoltsRms()).isCloseTo(noise, within(0.25 * noise));
    }

    @Test
    void aPurelyPositiveDeflectionHasNoNegativePeak() {
        Response r = MEASURER.measure(sweep(t -> 3_000 * gaussian(t, 8_000, 1_000), 0, 0), ONSET);

        assertThat(r.negativePeakMicrovolts()).isZero();
        assertThat(r.peakToPeakMicrovolts()).isCloseTo(3_000, within(1.0));
    }

    @Test
    void theStimulusArtefactInTheFirstTwoMillisecondsIsIgnored() {
        DoubleUnaryOperator cmap = cmap(5_000, 6_000, 2_000);
        DoubleUnaryOperator withArtefact = t -> artefact(1_900).applyAsDouble(t) + cmap.applyAsDouble(t);

        Response r = MEASURER.measure(sweep(withArtefact, 0, 0), ONSET);

        assertThat(r.negativePeakMicrovolts()).isCloseTo(5_000, within(1.0));
        assertThat(r.peakToPeakMicrovolts()).isCloseTo(7_000, within(1.0));
        assertThat(r.latencyMicros()).isEqualTo(6_000.0);
    }

    @Test
    void theWindowOpensExactlyTwoMillisecondsAfterOnset() {
        DoubleUnaryOperator spikeAt1900 = t -> Math.abs(t - 1_900) < 1 ? -20_000 : 0;
        DoubleUnaryOperator spikeAt2000 = t -> Math.abs(t - 2_000) < 1 ? -20_000 : 0;

        assertThat(MEASURER.measure(sweep(spikeAt1900, 0, 0), ONSET).negativePeakMicrovolts()).isZero();
        Response inside = MEASURER.measure(sweep(spikeAt2000, 0, 0), ONSET);
        assertThat(inside.negativePeakMicrovolts()).isCloseTo(20_000, within(1.0));
        assertThat(inside.latencyMicros()).isEqualTo(2_000.0);
    }

    @Test
    void theWindowClosesTwentyFiveMillisecondsAfterOnset() {
        DoubleUnaryOperator spikeAt24900 = t -> Math.abs(t - 24_900) < 1 ? -20_000 : 0;
        DoubleUnaryOperator spikeAt25000 = t -> Math.abs(t - 25_000) < 1 ? -20_000 : 0;

        assertThat(MEASURER.measure(sweep(spikeAt24900, 0, 0), ONSET).latencyMicros()).isEqualTo(24_900.0);
        assertThat(MEASURER.measure(sweep(spikeAt25000, 0, 0), ONSET).negativePeakMicrovolts()).isZero();
    }

    @Test
    void aSweepStartingAfterTimeZeroIsMeasuredFromItsOwnStart() {
        // starts 2 ms into the trial: 80 samples of baseline before the 10 ms onset
        Response r = MEASURER.measure(sweep(2_000, 400, cmap(4_000, 5_000, 0), 0, 0), ONSET);

        assertThat(r.latencyMicros()).isEqualTo(5_000.0);
        assertThat(r.negativePeakMicrovolts()).isCloseTo(4_000, within(1.0));
    }

    @Test
    void onlyChannelZeroIsMeasured() {
        short[] interleaved = new short[2 * 400];
        Sweep ch0 = sweep(cmap(1_000, 6_000, 0), 0, 0);
        Sweep ch1 = sweep(cmap(9_000, 9_000, 0), 0, 0);
        short[] a = ch0.samples();
        short[] b = ch1.samples();
        for (int i = 0; i < 400; i++) {
            interleaved[2 * i] = a[i];
            interleaved[2 * i + 1] = b[i];
        }

        Response r = MEASURER.measure(new Sweep(RATE_HZ, 0, 2, NANOVOLTS_PER_COUNT, interleaved), ONSET);

        assertThat(r.negativePeakMicrovolts()).isCloseTo(1_000, within(1.0));
        assertThat(r.latencyMicros()).isEqualTo(6_000.0);
    }

    @Test
    void tooFewBaselineSamplesIsAnErrorThatSaysHowMany() {
        Sweep s = sweep(t -> 0, 0, 0);

        assertThatThrownBy(() -> MEASURER.measure(s, 300))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sweep starts 0 µs, only 3 samples before the stimulus at 300 µs; need at least 4 "
                        + "for the baseline");
        assertThat(MEASURER.measure(s, 400).negativePeakMicrovolts()).as("four samples are enough").isZero();
    }

    @Test
    void aStimulusBeforeTheSweepStartsHasNoBaseline() {
        Sweep s = sweep(5_000, 400, t -> 0, 0, 0);

        assertThatThrownBy(() -> MEASURER.measure(s, 1_000))
                .hasMessage("sweep starts 5000 µs, only 0 samples before the stimulus at 1000 µs; need at least 4 "
                        + "for the baseline");
    }

    @Test
    void aSweepEndingBeforeTheWindowIsAnErrorNamingTheSweep() {
        Sweep endsAt12ms = sweep(0, 120, t -> 0, 0, 0);

        assertThatThrownBy(() -> MEASURER.measure(endsAt12ms, ONSET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the sweep ends before the measurement window "
                        + "(Sweep[10000 Hz, start 0 µs, 1 ch × 120 samples, 1000 nV/count])");
        Sweep oneSampleIntoTheWindow = sweep(0, 121, t -> Math.abs(t - 2_000) < 1 ? -700 : 0, 0, 0);
        assertThat(MEASURER.measure(oneSampleIntoTheWindow, ONSET).negativePeakMicrovolts())
                .isCloseTo(700, within(1.0));
    }

    @Test
    void aCustomWindowIsHonoured() {
        CmapMeasurer late = new CmapMeasurer(8_000, 30_000);

        Response r = late.measure(sweep(cmap(5_000, 6_000, 0), 0, 0), ONSET);

        // the main peak at 6 ms is outside; the window opens on its tail
        assertThat(r.latencyMicros()).isEqualTo(8_000.0);
        assertThat(r.negativePeakMicrovolts()).isCloseTo(5_000 * gaussian(8_000, 6_000, 1_000), within(1.0));
    }

    @Test
    void windowPreconditionsNameTheValues() {
        assertThatThrownBy(() -> new CmapMeasurer(-1, 10))
                .hasMessage("measurement window -1..10 µs after onset is empty or negative");
        assertThatThrownBy(() -> new CmapMeasurer(5_000, 5_000))
                .hasMessage("measurement window 5000..5000 µs after onset is empty or negative");
        assertThat(new CmapMeasurer(0, 1).windowEndAfterOnsetMicros()).isEqualTo(1);
    }
}
