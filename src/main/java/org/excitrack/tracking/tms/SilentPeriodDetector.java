package org.excitrack.tracking.tms;

import java.util.Optional;
import org.excitrack.model.Sweep;

/**
 * Finds the cortical silent period in a sweep recorded during voluntary contraction. Pure.
 *
 * <p><b>Rule.</b>
 * <ol>
 *   <li>Reference: the mean rectified EMG, |EMG − mean|, over the measurer's pre-stimulus window (m).</li>
 *   <li>Envelope: the rectified EMG smoothed by a centred moving average over {@code envelopeWindowMicros}
 *       (default 5 ms). Centred, so the envelope's crossings are not delayed; 5 ms holds about three cycles of
 *       the 20–300 Hz surface EMG, enough to tell a silence from a zero crossing.</li>
 *   <li>The search starts where the MEP ends: the last sample in the MEP window whose deflection reaches the
 *       MEP onset level of {@link MepMeasurer} (the window's start when there is no MEP).</li>
 *   <li>Suppression: the envelope below {@code suppressionFraction} × m (default one half). The silent period
 *       is the first suppression that starts within {@code onsetSearchMicros} (default 50 ms) of the search
 *       start and lasts at least {@code minimumSuppressionMicros} (default 10 ms); shorter dips are the chance
 *       lulls of ongoing EMG. Its offset is the first envelope sample back at the suppression level.</li>
 * </ol>
 * With a 5 ms envelope, the offset is where EMG has recovered half-way over the smoothing window; a silence whose
 * EMG has not come back before the sweep ends has no measurable offset, and nothing is reported. At rest the
 * envelope stays near the noise level, never below half of it for 10 ms: no silent period, as there should be.
 *
 * @param mep the measurer whose windows and MEP onset rule are used
 * @param envelopeWindowMicros width of the moving average, µs
 * @param suppressionFraction envelope level, as a fraction of the pre-stimulus mean rectified EMG, below which
 *     EMG counts as suppressed
 * @param minimumSuppressionMicros the shortest suppression taken for a silent period, µs
 * @param onsetSearchMicros how long after the MEP the suppression may start, µs
 */
public record SilentPeriodDetector(MepMeasurer mep, long envelopeWindowMicros, double suppressionFraction,
                                   long minimumSuppressionMicros, long onsetSearchMicros) {

    public SilentPeriodDetector {
        if (mep == null || envelopeWindowMicros <= 0 || !(suppressionFraction > 0 && suppressionFraction < 1)
                || minimumSuppressionMicros <= 0 || onsetSearchMicros <= 0) {
            throw new IllegalArgumentException("invalid silent-period rule: envelope " + envelopeWindowMicros
                    + " µs, level " + suppressionFraction + " of the background (must be in (0, 1)), minimum "
                    + minimumSuppressionMicros + " µs, onset search " + onsetSearchMicros + " µs");
        }
    }

    /** 5 ms envelope, half the background level, at least 10 ms, starting within 50 ms of the MEP. */
    public static SilentPeriodDetector defaults(MepMeasurer mep) {
        return new SilentPeriodDetector(mep, 5_000, 0.5, 10_000, 50_000);
    }

    /**
     * @param sweep the recording, long enough to hold the silent period's end
     * @param channel the channel over the contracting muscle
     * @param testOnsetMicros the test pulse's onset
     * @param firstPulseOnsetMicros the trial's first stimulus, which the pre-stimulus window is placed before
     * @return the silent period, or empty when the EMG is never suppressed long enough or does not come back
     *     within the sweep
     */
    public Optional<SilentPeriod> detect(Sweep sweep, int channel, long testOnsetMicros, long firstPulseOnsetMicros) {
        MepMeasures measures = mep.measure(sweep, channel, testOnsetMicros, firstPulseOnsetMicros);
        double[] v = sweep.microvolts(channel);
        MepMeasurer.Background background = mep.background(sweep, v, firstPulseOnsetMicros);
        double reference = background.emg().meanRectifiedMicrovolts();
        double level = suppressionFraction * reference;
        double[] envelope = envelope(v, background.mean(), sweep.sampleIntervalMicros());
        int searchStart = mepEnd(sweep, v, testOnsetMicros, background);
        int searchEnd = Math.min(v.length, searchStart + samples(onsetSearchMicros, sweep));
        int minimumSamples = samples(minimumSuppressionMicros, sweep);
        int i = searchStart;
        while (i < searchEnd) {
            if (envelope[i] >= level) {
                i++;
                continue;
            }
            int onset = i;
            while (i < v.length && envelope[i] < level) {
                i++;
            }
            if (i == v.length) {
                return Optional.empty();
            }
            if (i - onset >= minimumSamples) {
                return Optional.of(new SilentPeriod(measures.onsetLatencyMicros(),
                        sweep.timeMicros(onset) - testOnsetMicros, sweep.timeMicros(i) - testOnsetMicros, reference));
            }
        }
        return Optional.empty();
    }

    private double[] envelope(double[] v, double mean, double sampleMicros) {
        int half = Math.max(1, (int) Math.round(envelopeWindowMicros / sampleMicros / 2));
        double[] cumulative = new double[v.length + 1];
        for (int i = 0; i < v.length; i++) {
            cumulative[i + 1] = cumulative[i] + Math.abs(v[i] - mean);
        }
        double[] envelope = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(v.length, i + half + 1);
            envelope[i] = (cumulative[to] - cumulative[from]) / (to - from);
        }
        return envelope;
    }

    /** The sample after the MEP's last deflection at its onset level; the window's start without an MEP. */
    private int mepEnd(Sweep sweep, double[] v, long testOnsetMicros, MepMeasurer.Background background) {
        int from = SweepIndex.firstAtOrAfter(sweep, testOnsetMicros + mep.windowStartAfterTestMicros());
        int to = SweepIndex.firstAtOrAfter(sweep, testOnsetMicros + mep.windowEndAfterTestMicros());
        double largest = 0;
        for (int i = from; i < to; i++) {
            largest = Math.max(largest, Math.abs(v[i] - background.mean()));
        }
        double noiseLevel = MepMeasurer.ONSET_NOISE_MULTIPLE * background.sd();
        if (!(largest > noiseLevel)) {
            return from;
        }
        double onsetLevel = Math.max(MepMeasurer.ONSET_FRACTION_OF_LARGEST * largest, noiseLevel);
        int end = from;
        for (int i = from; i < to; i++) {
            if (Math.abs(v[i] - background.mean()) >= onsetLevel) {
                end = i + 1;
            }
        }
        return end;
    }

    private static int samples(long micros, Sweep sweep) {
        return (int) Math.ceil(micros / sweep.sampleIntervalMicros());
    }
}
