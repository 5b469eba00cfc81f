package org.excitrack.sim.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.excitrack.sim.subject.ElectrodeSignal;
import org.junit.jupiter.api.Test;

class CortexTest {
    private static final long TEST_ONSET = CortexTrial.STANDARD_TEST_ONSET_MICROS;
    private final Cortex cortex = new Cortex(CortexParameters.healthy());
    private final double rmt = cortex.restingMotorThresholdPercent();

    @Test
    void theMedianMeasuredMepAtTheTruthThresholdIsTheTarget() {
        double[] amplitudes = measuredPeakToPeaks(single(rmt, 0), 1500, new Random(11));
        assertThat(median(amplitudes)).isCloseTo(200, within(200 * 0.15));
    }

    @Test
    void theRecruitmentCurveIsASigmoid() {
        double previous = 0;
        for (double s = 30; s <= 100; s += 5) {
            double median = cortex.medianMepMillivolts(s);
            assertThat(median).as("%s %%MSO", s).isGreaterThan(previous);
            previous = median;
        }
        assertThat(cortex.medianMepMillivolts(30)).isLessThan(0.001);
        assertThat(cortex.medianMepMillivolts(100)).isBetween(0.8 * 3.4, 3.4);
        double foot = cortex.medianMepMillivolts(45) - cortex.medianMepMillivolts(35);
        double middle = cortex.medianMepMillivolts(60) - cortex.medianMepMillivolts(50);
        double shoulder = cortex.medianMepMillivolts(100) - cortex.medianMepMillivolts(90);
        assertThat(middle).isGreaterThan(foot).isGreaterThan(shoulder);
    }

    @Test
    void sampledMepsGrowWithIntensity() {
        Random random = new Random(3);
        double previous = 0;
        for (double s : new double[] {40, 47, 55, 65, 80}) {
            double median = median(measuredPeakToPeaks(single(s, 0), 200, random));
            assertThat(median).as("%s %%MSO", s).isGreaterThan(previous);
            previous = median;
        }
    }

    @Test
    void mepsNearOneHundredTwentyPercentRmtVaryRightSkewed() {
        double[] amplitudes = drawnPeakToPeaks(single(1.2 * rmt, 0), 3000, new Random(5));
        double mean = Arrays.stream(amplitudes).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(amplitudes).map(a -> (a - mean) * (a - mean)).sum() / (amplitudes.length - 1));
        assertThat(sd / mean).isBetween(0.25, 0.70);
        assertThat(mean).isGreaterThan(median(amplitudes));
    }

    @Test
    void aConditioningPulseShortlyBeforeTheTestGivesOneSmallerMep() {
        Random random = new Random(8);
        double testAlone = median(drawnPeakToPeaks(single(1.2 * rmt, 0), 800, random));
        CortexTrial paired = CortexTrial.paired(0.7 * rmt, 1.2 * rmt, 2.5);
        assertThat(cortex.respond(paired, random).meps()).hasSize(1);
        double conditioned = median(drawnPeakToPeaks(paired, 800, random));
        assertThat(conditioned / testAlone).isLessThan(0.6);
        assertThat(conditioned / 1000).isCloseTo(cortex.medianMepMillivolts(paired), within(0.1 * conditioned / 1000));
    }

    @Test
    void mepsStartAtTheirLatencyAndSoonerWhenTheMuscleIsActive() {
        Random random = new Random(9);
        EvokedMep atRest = cortex.respond(single(1.2 * rmt, 0), random).meps().get(0);
        EvokedMep active = cortex.respond(single(1.2 * rmt, 0.2), random).meps().get(0);
        assertThat((atRest.onsetMicros() - TEST_ONSET) / 1000).isCloseTo(22, within(2.0));
        assertThat((active.onsetMicros() - TEST_ONSET) / 1000).isCloseTo(20, within(2.0));
        assertThat(active.effectiveIntensityPercent()).isGreaterThan(atRest.effectiveIntensityPercent());
    }

    @Test
    void theSilentPeriodSuppressesVoluntaryEmgAfterTheMep() {
        for (long seed = 1; seed <= 5; seed++) {
            CorticalResponse response = cortex.respond(single(1.3 * rmt, 0.2), new Random(seed));
            double mepOnset = response.meps().get(0).onsetMicros();
            double before = rms(response, TEST_ONSET - 100_000, TEST_ONSET - 5_000);
            double silent = rms(response, mepOnset + 50_000, mepOnset + 100_000);
            assertThat(response.meps().get(0).silentPeriodMillis()).isBetween(100.0, 200.0);
            assertThat(before).isBetween(40.0, 120.0);
            assertThat(silent / before).as("seed %s", seed).isLessThan(0.2);
        }
    }

    @Test
    void withoutTmsOrAtRestNothingIsSilenced() {
        for (long seed = 1; seed <= 5; seed++) {
            CortexTrial noPulse = new CortexTrial(List.of(), List.of(), 0.2, CortexTrial.STANDARD_DURATION_MICROS);
            CorticalResponse active = cortex.respond(noPulse, new Random(seed));
            double after = rms(active, TEST_ONSET + 72_000, TEST_ONSET + 122_000);
            assertThat(after / rms(active, TEST_ONSET - 100_000, TEST_ONSET - 5_000)).isGreaterThan(0.6);

            CorticalResponse resting = cortex.respond(single(1.3 * rmt, 0), new Random(seed));
            double mepOnset = resting.meps().get(0).onsetMicros();
            double restBefore = rms(resting, TEST_ONSET - 100_000, TEST_ONSET - 5_000);
            assertThat(restBefore).isBetween(1.0, 6.0);
            assertThat(rms(resting, mepOnset + 50_000, mepOnset + 100_000) / restBefore).isGreaterThan(0.6);
        }
    }

    @Test
    void aSignalIsAFixedFunctionOfTheSeed() {
        CortexTrial trial = CortexTrial.paired(0.7 * rmt, 1.2 * rmt, 3).withContraction(0.1);
        ElectrodeSignal first = cortex.respond(trial, new Random(42));
        ElectrodeSignal again = cortex.respond(trial, new Random(42));
        ElectrodeSignal other = cortex.respond(trial, new Random(43));
        boolean differs = false;
        for (double t = 0; t < CortexTrial.STANDARD_DURATION_MICROS; t += 137) {
            assertThat(again.microvoltsAt(t)).isEqualTo(first.microvoltsAt(t));
            assertThat(first.microvoltsAt(t)).isEqualTo(first.microvoltsAt(t));
            differs |= other.microvoltsAt(t) != first.microvoltsAt(t);
        }
        assertThat(differs).isTrue();
    }

    @Test
    void theAlsCortexGivesLargerMaximalMeps() {
        Cortex als = new Cortex(CortexParameters.als());
        assertThat(als.medianMepMillivolts(100)).isGreaterThan(1.3 * cortex.medianMepMillivolts(100));
    }

    private static CortexTrial single(double percent, double contraction) {
        return new CortexTrial(List.of(new MagneticPulse(TEST_ONSET, percent)), List.of(), contraction,
                CortexTrial.STANDARD_DURATION_MICROS);
    }

    /** Peak-to-peak in the 15–50 ms window after the test pulse, sampled at 10 kHz as an amplifier would. */
    private double[] measuredPeakToPeaks(CortexTrial trial, int trials, Random random) {
        CortexTrial shortTrial = new CortexTrial(trial.pulses(), trial.afferentVolleys(),
                trial.contractionFractionOfMvc(), TEST_ONSET + 60_000);
        double[] out = new double[trials];
        for (int i = 0; i < trials; i++) {
            ElectrodeSignal signal = cortex.respond(shortTrial, random);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (long t = TEST_ONSET + 15_000; t <= TEST_ONSET + 50_000; t += 100) {
                double v = signal.microvoltsAt(t);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            out[i] = max - min;
        }
        return out;
    }

    /** The test MEP's drawn amplitude, µV, without measuring it from the waveform. */
    private double[] drawnPeakToPeaks(CortexTrial trial, int trials, Random random) {
        CortexTrial shortTrial = new CortexTrial(trial.pulses(), trial.afferentVolleys(),
                trial.contractionFractionOfMvc(), TEST_ONSET + 60_000);
        double[] out = new double[trials];
        for (int i = 0; i < trials; i++) {
            List<EvokedMep> meps = cortex.respond(shortTrial, random).meps();
            out[i] = meps.get(meps.size() - 1).peakToPeakMicrovolts();
        }
        return out;
    }

    private static double rms(ElectrodeSignal signal, double fromMicros, double toMicros) {
        double sum = 0;
        int n = 0;
        for (double t = fromMicros; t < toMicros; t += 50) {
            double v = signal.microvoltsAt(t);
            sum += v * v;
            n++;
        }
        return Math.sqrt(sum / n);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
