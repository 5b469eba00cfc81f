package org.excitrack.tracking;

import org.excitrack.model.Response;
import org.excitrack.model.Sweep;

/**
 * Measures a CMAP in a sweep: the baseline is the mean of the samples before the stimulus; the response is
 * searched in a window that opens once the stimulus artefact has decayed. The negative peak is the
 * response measure QTRAC tracks (trondnf.md §2.1).
 *
 * @param windowStartAfterOnsetMicros where the search window opens, after the stimulus onset, µs
 * @param windowEndAfterOnsetMicros where it closes, µs
 */
public record CmapMeasurer(long windowStartAfterOnsetMicros, long windowEndAfterOnsetMicros) {
    private static final int MIN_BASELINE_SAMPLES = 4;

    public CmapMeasurer {
        if (windowStartAfterOnsetMicros < 0 || windowEndAfterOnsetMicros <= windowStartAfterOnsetMicros) {
            throw new IllegalArgumentException("measurement window " + windowStartAfterOnsetMicros + ".."
                    + windowEndAfterOnsetMicros + " µs after onset is empty or negative");
        }
    }

    /** 2–25 ms after onset: clear of a 1 ms pulse's artefact, wide enough for hand-muscle CMAPs. */
    public static CmapMeasurer nerveDefaults() {
        return new CmapMeasurer(2_000, 25_000);
    }

    /**
     * @param sweep the recording, channel 0
     * @param stimulusOnsetMicros the test pulse's onset relative to the trial's time zero
     */
    public Response measure(Sweep sweep, long stimulusOnsetMicros) {
        double[] v = sweep.microvolts(0);
        int onsetIndex = indexAt(sweep, stimulusOnsetMicros);
        if (onsetIndex < MIN_BASELINE_SAMPLES) {
            throw new IllegalArgumentException("sweep starts " + sweep.startMicros() + " µs, only " + onsetIndex
                    + " samples before the stimulus at " + stimulusOnsetMicros + " µs; need at least "
                    + MIN_BASELINE_SAMPLES + " for the baseline");
        }
        double mean = 0;
        for (int i = 0; i < onsetIndex; i++) {
            mean += v[i];
        }
        mean /= onsetIndex;
        double var = 0;
        for (int i = 0; i < onsetIndex; i++) {
            var += (v[i] - mean) * (v[i] - mean);
        }
        double noise = Math.sqrt(var / Math.max(1, onsetIndex - 1));
        int from = Math.max(onsetIndex, indexAt(sweep, stimulusOnsetMicros + windowStartAfterOnsetMicros));
        int to = Math.min(v.length, indexAt(sweep, stimulusOnsetMicros + windowEndAfterOnsetMicros));
        if (to <= from) {
            throw new IllegalArgumentException("the sweep ends before the measurement window (" + sweep + ")");
        }
        int minIndex = from;
        int maxIndex = from;
        for (int i = from; i < to; i++) {
            if (v[i] < v[minIndex]) {
                minIndex = i;
            }
            if (v[i] > v[maxIndex]) {
                maxIndex = i;
            }
        }
        double negativePeak = Math.max(0, mean - v[minIndex]);
        double peakToPeak = v[maxIndex] - v[minIndex];
        double latency = sweep.timeMicros(minIndex) - stimulusOnsetMicros;
        return new Response(negativePeak, peakToPeak, latency, noise);
    }

    private static int indexAt(Sweep sweep, long timeMicros) {
        double index = (timeMicros - sweep.startMicros()) / sweep.sampleIntervalMicros();
        return (int) Math.max(0, Math.ceil(index - 1e-9));
    }
}
