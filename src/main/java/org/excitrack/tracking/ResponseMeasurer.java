package org.excitrack.tracking;

import java.util.List;
import org.excitrack.model.Sweep;

/**
 * Measures a CMAP in a sweep that may hold several stimuli (a conditioning pulse, the test pulse, the edges of a
 * polarizing current): samples during each pulse and for {@code artefactBlankingMicros} after it are ignored,
 * because the stimulus artefact there can dwarf the response; the response is searched in a window placed
 * relative to the test pulse, ideally around where the maximal CMAP peaked ({@link #aroundMaximalResponse}).
 *
 * <p>Baseline: amplitudes are measured from the mean of the last {@value #LOCAL_BASELINE_MICROS} µs before the
 * test pulse (outside blanking), because a polarizing current or a preceding response can shift the level the
 * test response rides on; with fewer than {@value #MIN_BASELINE_SAMPLES} such samples, from the mean before the
 * first stimulus. The noise estimate is always the standard deviation before the first stimulus, the only stretch
 * certain to hold nothing but noise.
 *
 * <p>Onset: walking back from the negative peak, the first crossing of max(10 % of the negative peak, 3 × noise),
 * linearly interpolated between samples. 10 % keeps the noise on the baseline from triggering it on large
 * responses, 3 × noise on small ones; a response that does not exceed 3 × noise has no onset.
 *
 * <p>Not done here: at short conditioning-test intervals the conditioning CMAP overlaps the window; the caller
 * subtracts the conditioning-alone sweep first, as QTRAC does.
 *
 * @param windowStartAfterOnsetMicros where the search window opens, after the test onset, µs
 * @param windowEndAfterOnsetMicros where it closes, µs (exclusive)
 * @param artefactBlankingMicros how long after each pulse's end samples are still ignored, µs
 */
public record ResponseMeasurer(long windowStartAfterOnsetMicros, long windowEndAfterOnsetMicros,
                               long artefactBlankingMicros) {
    static final int MIN_BASELINE_SAMPLES = 4;
    static final long LOCAL_BASELINE_MICROS = 1_000;
    static final double ONSET_FRACTION_OF_PEAK = 0.10;
    static final double ONSET_NOISE_MULTIPLE = 3;

    /** A stimulus whose artefact must be ignored: a pulse, or a short stretch around a current's edge. */
    public record Pulse(long onsetMicros, long widthMicros) {
        public Pulse {
            if (widthMicros < 0) {
                throw new IllegalArgumentException("pulse width " + widthMicros + " µs is negative");
            }
        }
    }

    public ResponseMeasurer {
        if (windowStartAfterOnsetMicros < 0 || windowEndAfterOnsetMicros <= windowStartAfterOnsetMicros
                || artefactBlankingMicros < 0) {
            throw new IllegalArgumentException("measurement window " + windowStartAfterOnsetMicros + ".."
                    + windowEndAfterOnsetMicros + " µs after onset is empty or negative, or blanking "
                    + artefactBlankingMicros + " µs is negative");
        }
    }

    /**
     * Before the maximal CMAP is known: the window of {@link CmapMeasurer#nerveDefaults()} (2–25 ms after onset)
     * and 1 ms of blanking after each pulse, which for a 1 ms test pulse also ends at 2 ms.
     */
    public static ResponseMeasurer nerveDefaults() {
        return new ResponseMeasurer(2_000, 25_000, 1_000);
    }

    /**
     * A window from 4 ms before to 6 ms after the maximal CMAP's negative peak (not before 1 ms after the onset),
     * 1 ms blanking. Threshold-level CMAPs peak within about a millisecond of the maximal one; the margin
     * covers slower conduction under hyperpolarization and in the relative refractory period, and keeps late
     * artefacts and F-waves out, which a 25 ms window lets in.
     */
    public static ResponseMeasurer aroundMaximalResponse(ResponseMeasures maximal) {
        long peak = Math.round(maximal.negativePeakLatencyMicros());
        long start = Math.max(1_000, peak - 4_000);
        return new ResponseMeasurer(start, Math.max(start + 1, peak + 6_000), 1_000);
    }

    /** A sweep with a single test pulse. */
    public ResponseMeasures measure(Sweep sweep, long testOnsetMicros, long testWidthMicros) {
        return measure(sweep, testOnsetMicros, List.of(new Pulse(testOnsetMicros, testWidthMicros)));
    }

    /**
     * @param sweep the recording, channel 0
     * @param testOnsetMicros the test pulse's onset relative to the trial's time zero
     * @param pulses every stimulus in the trial, the test pulse included, whose artefact is to be ignored
     */
    public ResponseMeasures measure(Sweep sweep, long testOnsetMicros, List<Pulse> pulses) {
        double[] v = sweep.microvolts(0);
        boolean[] blanked = blanked(sweep, pulses);
        long firstStimulus = pulses.stream().mapToLong(Pulse::onsetMicros).min().orElse(testOnsetMicros);
        firstStimulus = Math.min(firstStimulus, testOnsetMicros);

        int preStimulus = 0;
        double preSum = 0;
        for (int i = 0; i < v.length && sweep.timeMicros(i) < firstStimulus; i++) {
            if (!blanked[i]) {
                preStimulus++;
                preSum += v[i];
            }
        }
        if (preStimulus < MIN_BASELINE_SAMPLES) {
            throw new IllegalArgumentException("sweep starts " + sweep.startMicros() + " µs, only " + preStimulus
                    + " samples before the first stimulus at " + firstStimulus + " µs; need at least "
                    + MIN_BASELINE_SAMPLES + " for the baseline");
        }
        double preMean = preSum / preStimulus;
        double var = 0;
        for (int i = 0; i < v.length && sweep.timeMicros(i) < firstStimulus; i++) {
            if (!blanked[i]) {
                var += (v[i] - preMean) * (v[i] - preMean);
            }
        }
        double noise = Math.sqrt(var / (preStimulus - 1));
        double baseline = localBaseline(sweep, v, blanked, testOnsetMicros, preMean);

        int minIndex = -1;
        for (int i = 0; i < v.length; i++) {
            double t = sweep.timeMicros(i) - testOnsetMicros;
            if (!blanked[i] && t >= windowStartAfterOnsetMicros && t < windowEndAfterOnsetMicros
                    && (minIndex < 0 || v[i] < v[minIndex])) {
                minIndex = i;
            }
        }
        if (minIndex < 0) {
            throw new IllegalArgumentException("no unblanked sample in the measurement window "
                    + windowStartAfterOnsetMicros + ".." + windowEndAfterOnsetMicros + " µs after the test at "
                    + testOnsetMicros + " µs (" + sweep + ")");
        }
        double positive = v[minIndex];
        for (int i = minIndex; i < v.length && sweep.timeMicros(i) - testOnsetMicros < windowEndAfterOnsetMicros;
             i++) {
            if (!blanked[i]) {
                positive = Math.max(positive, v[i]);
            }
        }
        double negativePeak = Math.max(0, baseline - v[minIndex]);
        double onset = onsetLatency(sweep, v, blanked, minIndex, baseline, negativePeak, noise, testOnsetMicros);
        return new ResponseMeasures(negativePeak, positive - v[minIndex], sweep.timeMicros(minIndex) - testOnsetMicros,
                onset, baseline, noise);
    }

    private boolean[] blanked(Sweep sweep, List<Pulse> pulses) {
        boolean[] blanked = new boolean[sweep.samplesPerChannel()];
        for (int i = 0; i < blanked.length; i++) {
            double t = sweep.timeMicros(i);
            for (Pulse p : pulses) {
                if (t >= p.onsetMicros() && t < p.onsetMicros() + p.widthMicros() + artefactBlankingMicros) {
                    blanked[i] = true;
                    break;
                }
            }
        }
        return blanked;
    }

    private static double localBaseline(Sweep sweep, double[] v, boolean[] blanked, long testOnsetMicros,
                                        double fallback) {
        int n = 0;
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            double t = sweep.timeMicros(i);
            if (!blanked[i] && t >= testOnsetMicros - LOCAL_BASELINE_MICROS && t < testOnsetMicros) {
                n++;
                sum += v[i];
            }
        }
        return n >= MIN_BASELINE_SAMPLES ? sum / n : fallback;
    }

    private static double onsetLatency(Sweep sweep, double[] v, boolean[] blanked, int peakIndex, double baseline,
                                       double negativePeak, double noise, long testOnsetMicros) {
        if (negativePeak <= ONSET_NOISE_MULTIPLE * noise || negativePeak == 0) {
            return Double.NaN;
        }
        double threshold = Math.max(ONSET_FRACTION_OF_PEAK * negativePeak, ONSET_NOISE_MULTIPLE * noise);
        int i = peakIndex;
        while (i > 0 && !blanked[i - 1] && sweep.timeMicros(i - 1) > testOnsetMicros
                && baseline - v[i - 1] >= threshold) {
            i--;
        }
        double depthAt = baseline - v[i];
        boolean canInterpolate = i > 0 && !blanked[i - 1] && sweep.timeMicros(i - 1) > testOnsetMicros;
        double t = sweep.timeMicros(i);
        if (canInterpolate) {
            double depthBefore = baseline - v[i - 1];
            double fraction = (threshold - depthBefore) / (depthAt - depthBefore);
            t = sweep.timeMicros(i - 1) + fraction * sweep.sampleIntervalMicros();
        }
        return t - testOnsetMicros;
    }
}
