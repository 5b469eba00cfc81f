package org.excitrack.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.excitrack.model.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseMeasurerTest {
    private static final int RATE_HZ = 10_000;            // 100 µs per sample
    private static final int NANOVOLTS_PER_COUNT = 1_000; // 1 µV per count
    private static final long TEST = 20_000;              // test pulse onset: 200 samples of baseline
    private static final long WIDTH = 1_000;
    private static final double OFFSET = 300;             // µV of DC offset, to be subtracted
    private static final ResponseMeasurer DEFAULTS = ResponseMeasurer.nerveDefaults();

    /** A one-channel 50 ms sweep from a signal in µV as a function of time since the trial's zero, µs. */
    private static Sweep sweep(DoubleUnaryOperator microvoltsAt, double noiseRms, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        short[] counts = new short[500];
        for (int i = 0; i < counts.length; i++) {
            double t = i * 1e6 / RATE_HZ;
            double uv = OFFSET + microvoltsAt.applyAsDouble(t) + noiseRms * random.nextGaussian();
            counts[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(uv)));
        }
        return new Sweep(RATE_HZ, 0, 1, NANOVOLTS_PER_COUNT, counts);
    }

    private static double gaussian(double t, double centre, double sd) {
        return Math.exp(-0.5 * ((t - centre) / sd) * ((t - centre) / sd));
    }

    /** Biphasic CMAP after a stimulus at {@code at}: {@code neg} µV negative at {@code latency}, positive 6 ms on. */
    private static DoubleUnaryOperator cmap(long at, double neg, double latency, double pos) {
        return t -> -neg * gaussian(t - at, latency, 1_000) + pos * gaussian(t - at, latency + 6_000, 1_500);
    }

    /** A stimulus artefact: a huge square for the pulse, then a negative tail decaying with {@code tailMicros}. */
    private static DoubleUnaryOperator artefact(long at, long width, double tailMicros) {
        return t -> t < at ? 0 : t < at + width ? 25_000 : -10_000 * Math.exp(-(t - at - width) / tailMicros);
    }

    private static DoubleUnaryOperator sum(DoubleUnaryOperator... parts) {
        return t -> {
            double s = 0;
            for (DoubleUnaryOperator p : parts) {
                s += p.applyAsDouble(t);
            }
            return s;
        };
    }

    /** Where a Gaussian negative phase of SD 1 ms crosses 10 % of its peak on the way down. */
    private static final double TEN_PERCENT_BEFORE_PEAK = 1_000 * Math.sqrt(2 * Math.log(10));

    @Test
    void measuresAmplitudesLatencyAndOnsetOfANoiselessCmap() {
        ResponseMeasures m = DEFAULTS.measure(sweep(cmap(TEST, 5_000, 7_000, 2_000), 0, 0), TEST, WIDTH);

        assertThat(m.negativePeakMicrovolts()).isCloseTo(5_000, within(1.0));
        assertThat(m.peakToPeakMicrovolts()).isCloseTo(7_000, within(1.0));
        assertThat(m.negativePeakLatencyMicros()).isEqualTo(7_000.0);
        // interpolated between samples, so within a fraction of the 100 µs sampling interval
        assertThat(m.onsetLatencyMicros()).isCloseTo(7_000 - TEN_PERCENT_BEFORE_PEAK, within(20.0));
        assertThat(m.baselineMicrovolts()).isCloseTo(OFFSET, within(0.5));
        assertThat(m.baselineNoiseMicrovoltsRms()).isZero();
    }

    @Test
    void theStimulusArtefactIsIgnoredDuringThePulseAndTheBlanking() {
        DoubleUnaryOperator signal = sum(cmap(TEST, 5_000, 7_000, 2_000), artefact(TEST, WIDTH, 150));

        ResponseMeasures m = new ResponseMeasurer(0, 25_000, 1_000).measure(sweep(signal, 0, 0), TEST, WIDTH);

        assertThat(m.negativePeakMicrovolts()).isCloseTo(5_000, within(2.0));
        assertThat(m.negativePeakLatencyMicros()).isEqualTo(7_000.0);
        assertThat(m.onsetLatencyMicros()).isCloseTo(7_000 - TEN_PERCENT_BEFORE_PEAK, within(20.0));
    }

    @Test
    void withoutBlankingTheArtefactWouldBeTakenForTheResponse() {
        DoubleUnaryOperator signal = sum(cmap(TEST, 5_000, 7_000, 2_000), artefact(TEST, WIDTH, 150));

        ResponseMeasures m = new ResponseMeasurer(0, 25_000, 0).measure(sweep(signal, 0, 0), TEST, WIDTH);

        // the first sample after the pulse, deep in the artefact's tail (the pulse itself is always ignored)
        assertThat(m.negativePeakLatencyMicros()).isEqualTo(1_000.0);
        assertThat(m.negativePeakMicrovolts()).isGreaterThan(9_000);
    }

    @Test
    void everyPulseIsBlankedAndTheNoiseComesFromBeforeTheFirst() {
        // recovery cycle: a conditioning pulse 10 ms before the test, its artefact and its CMAP before the test
        // (at shorter intervals the conditioning CMAP runs into the window: the session subtracts the
        // conditioning-alone sweep first, as QTRAC does)
        long conditioning = TEST - 10_000;
        DoubleUnaryOperator signal = sum(artefact(conditioning, WIDTH, 150), cmap(conditioning, 6_000, 5_000, 0),
                artefact(TEST, WIDTH, 150), cmap(TEST, 3_000, 7_200, 1_000));
        List<ResponseMeasurer.Pulse> pulses = List.of(new ResponseMeasurer.Pulse(conditioning, WIDTH),
                new ResponseMeasurer.Pulse(TEST, WIDTH));

        ResponseMeasures m = new ResponseMeasurer(2_000, 15_000, 1_000).measure(sweep(signal, 10, 4), TEST, pulses);

        // the noise: before the conditioning pulse only (its CMAP makes the stretch before the test anything but)
        assertThat(m.baselineNoiseMicrovoltsRms()).isCloseTo(10, within(3.0));
        assertThat(m.negativePeakLatencyMicros()).isCloseTo(7_200, within(100.0));
    }

    @Test
    void amplitudesAreMeasuredFromTheLevelJustBeforeTheTest() {
        // a polarizing current from 10 ms shifts the recorded level by −800 µV; its edge is blanked
        DoubleUnaryOperator shift = t -> t >= 10_000 ? -800 : 0;
        DoubleUnaryOperator signal = sum(shift, cmap(TEST, 4_000, 7_000, 0));
        List<ResponseMeasurer.Pulse> pulses = List.of(new ResponseMeasurer.Pulse(10_000, 0),
                new ResponseMeasurer.Pulse(TEST, WIDTH));

        ResponseMeasures m = DEFAULTS.measure(sweep(signal, 0, 0), TEST, pulses);

        assertThat(m.baselineMicrovolts()).isCloseTo(OFFSET - 800, within(0.5));
        assertThat(m.negativePeakMicrovolts()).isCloseTo(4_000, within(1.0));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void aNoisyCmapWithArtefactIsMeasuredWithinTolerance(long seed) {
        double noise = 20;
        DoubleUnaryOperator signal = sum(cmap(TEST, 3_000, 7_000, 1_500), artefact(TEST, WIDTH, 200));

        ResponseMeasures m = DEFAULTS.measure(sweep(signal, noise, seed), TEST, WIDTH);

        assertThat(m.negativePeakMicrovolts()).isCloseTo(3_000, within(5 * noise));
        assertThat(m.peakToPeakMicrovolts()).isCloseTo(4_500, within(10 * noise));
        assertThat(m.negativePeakLatencyMicros()).isCloseTo(7_000, within(300.0));
        assertThat(m.onsetLatencyMicros()).isCloseTo(7_000 - TEN_PERCENT_BEFORE_PEAK, within(150.0));
        // 200 baseline samples: the sample SD is within 20 % of the truth (about 4 standard errors)
        assertThat(m.baselineNoiseMicrovoltsRms()).isCloseTo(noise, within(0.2 * noise));
    }

    @Test
    void aResponseLostInTheNoiseHasNoOnset() {
        ResponseMeasures m = DEFAULTS.measure(sweep(t -> 0, 20, 42), TEST, WIDTH);

        assertThat(m.hasOnset()).isFalse();
        assertThat(m.negativePeakMicrovolts()).isBetween(0.0, 6 * 20.0);
    }

    @Test
    void aWindowAroundTheMaximalResponseKeepsLateDeflectionsOut() {
        ResponseMeasures maximal = DEFAULTS.measure(sweep(cmap(TEST, 8_000, 7_000, 3_000), 0, 0), TEST, WIDTH);
        ResponseMeasurer around = ResponseMeasurer.aroundMaximalResponse(maximal);
        // a small CMAP at threshold, then a large late wave (an F-wave or a movement artefact) at 22 ms
        DoubleUnaryOperator signal = sum(cmap(TEST, 1_500, 7_300, 600), t -> -4_000 * gaussian(t - TEST, 22_000, 500));

        ResponseMeasures wide = DEFAULTS.measure(sweep(signal, 0, 0), TEST, WIDTH);
        ResponseMeasures placed = around.measure(sweep(signal, 0, 0), TEST, WIDTH);

        assertThat(around).isEqualTo(new ResponseMeasurer(3_000, 13_000, 1_000));
        assertThat(wide.negativePeakLatencyMicros()).isEqualTo(22_000.0);
        assertThat(placed.negativePeakLatencyMicros()).isEqualTo(7_300.0);
        assertThat(placed.negativePeakMicrovolts()).isCloseTo(1_500, within(1.0));
    }

    @Test
    void aWindowAroundAnEarlyPeakStillOpensAfterTheArtefact() {
        ResponseMeasures early = new ResponseMeasures(1, 1, 3_000, Double.NaN, 0, 0);

        assertThat(ResponseMeasurer.aroundMaximalResponse(early)).isEqualTo(new ResponseMeasurer(1_000, 9_000,
                1_000));
    }

    @Test
    void agreesWithCmapMeasurerOnACleanSinglePulseSweep() {
        Sweep s = sweep(cmap(TEST, 5_000, 7_000, 2_000), 0, 0);

        assertThat(DEFAULTS.measure(s, TEST, WIDTH).toResponse()).isEqualTo(CmapMeasurer.nerveDefaults().measure(s,
                TEST));
    }

    @Test
    void preconditionsNameTheValues() {
        Sweep s = sweep(t -> 0, 0, 0);
        assertThatThrownBy(() -> DEFAULTS.measure(s, 300, WIDTH))
                .hasMessage("sweep starts 0 µs, only 3 samples before the first stimulus at 300 µs; need at least 4 "
                        + "for the baseline");
        assertThatThrownBy(() -> DEFAULTS.measure(s, 48_500, WIDTH))
                .hasMessageStartingWith("no unblanked sample in the measurement window 2000..25000 µs after the test "
                        + "at 48500 µs");
        assertThatThrownBy(() -> new ResponseMeasurer(5_000, 5_000, 0))
                .hasMessage("measurement window 5000..5000 µs after onset is empty or negative, or blanking 0 µs is "
                        + "negative");
        assertThatThrownBy(() -> new ResponseMeasurer.Pulse(0, -1)).hasMessage("pulse width -1 µs is negative");
    }
}
