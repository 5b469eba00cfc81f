package org.excitrack.tracking.tms;

import org.excitrack.model.Sweep;

/**
 * Measures a motor evoked potential in one sweep (tms.md §4.1): the peak-to-peak amplitude in a window after the
 * test pulse, its onset latency, and the EMG in a window before the trial's first pulse, with the verdict of a
 * {@link PreStimulusCriterion} on it. Pure: the same sweep always gives the same measures.
 *
 * <p><b>Windows.</b> The MEP window is placed after the test pulse (default 15–50 ms, the hand-muscle window BEST
 * uses; the stimulus artefact has long decayed by 15 ms and the MEP of APB/FDI starts at 18–30 ms). The
 * pre-stimulus window is placed before the <em>first</em> pulse of the trial (default −100 to −5 ms): in a paired
 * or afferent-conditioned trial the conditioning stimulus is the first, and whatever it evokes must not count as
 * background.
 *
 * <p><b>Onset.</b> Baseline and noise are the mean and standard deviation of the pre-stimulus window. The onset
 * is the first time in the MEP window at which |EMG − baseline| reaches max({@value #ONSET_FRACTION_OF_LARGEST}
 * × the largest deflection in the window, {@value #ONSET_NOISE_MULTIPLE} × noise), interpolated between the two
 * samples around the crossing. 5 × noise keeps background EMG from triggering it (a 5 SD excursion has odds of
 * 10⁻⁶ per sample), 10 % of the largest deflection keeps it near the foot of a large MEP; a window whose largest
 * deflection does not exceed 5 × noise has no onset. Small MEPs are therefore timed a little late, by the time
 * their first phase takes to climb to 5 × noise.
 *
 * @param windowStartAfterTestMicros where the MEP window opens, after the test pulse's onset, µs
 * @param windowEndAfterTestMicros where it closes (exclusive), µs
 * @param preStimulusStartMicros where the pre-stimulus window opens, relative to the first pulse (negative), µs
 * @param preStimulusEndMicros where it closes (exclusive), relative to the first pulse (negative), µs
 * @param criterion what pre-stimulus EMG is accepted
 */
public record MepMeasurer(long windowStartAfterTestMicros, long windowEndAfterTestMicros, long preStimulusStartMicros,
                          long preStimulusEndMicros, PreStimulusCriterion criterion) {
    static final double ONSET_FRACTION_OF_LARGEST = 0.10;
    static final double ONSET_NOISE_MULTIPLE = 5;
    /** Fewer pre-stimulus samples give no usable baseline or noise estimate. */
    static final int MIN_PRE_STIMULUS_SAMPLES = 10;

    public MepMeasurer {
        if (windowStartAfterTestMicros < 0 || windowEndAfterTestMicros <= windowStartAfterTestMicros) {
            throw new IllegalArgumentException("MEP window " + windowStartAfterTestMicros + ".."
                    + windowEndAfterTestMicros + " µs after the test pulse is empty or starts before it");
        }
        if (preStimulusEndMicros > 0 || preStimulusStartMicros >= preStimulusEndMicros) {
            throw new IllegalArgumentException("pre-stimulus window " + preStimulusStartMicros + ".."
                    + preStimulusEndMicros + " µs must be non-empty and end by the first pulse");
        }
        if (criterion == null) {
            throw new IllegalArgumentException("a pre-stimulus criterion is needed");
        }
    }

    /** MEP 15–50 ms after the test pulse; pre-stimulus −100 to −5 ms; at rest, at most 50 µV peak-to-peak. */
    public static MepMeasurer restingDefaults() {
        return new MepMeasurer(15_000, 50_000, -100_000, -5_000, PreStimulusCriterion.atRest());
    }

    /** The same windows with another criterion (an active band, a stricter rest limit). */
    public MepMeasurer withCriterion(PreStimulusCriterion newCriterion) {
        return new MepMeasurer(windowStartAfterTestMicros, windowEndAfterTestMicros, preStimulusStartMicros,
                preStimulusEndMicros, newCriterion);
    }

    /** Another MEP window, in ms after the test pulse (e.g. 10–50 ms, TMSMultiLab's default). */
    public MepMeasurer withWindowMillis(double startAfterTestMillis, double endAfterTestMillis) {
        return new MepMeasurer(Math.round(startAfterTestMillis * 1000), Math.round(endAfterTestMillis * 1000),
                preStimulusStartMicros, preStimulusEndMicros, criterion);
    }

    /** Another pre-stimulus window, in ms relative to the first pulse (both negative, e.g. −50 to −5 ms). */
    public MepMeasurer withPreStimulusMillis(double startMillis, double endMillis) {
        return new MepMeasurer(windowStartAfterTestMicros, windowEndAfterTestMicros, Math.round(startMillis * 1000),
                Math.round(endMillis * 1000), criterion);
    }

    /** A trial with one pulse: the test pulse is also the first. Channel 0. */
    public MepMeasures measure(Sweep sweep, long testOnsetMicros) {
        return measure(sweep, 0, testOnsetMicros, testOnsetMicros);
    }

    /**
     * @param sweep the recording
     * @param channel the channel over the target muscle
     * @param testOnsetMicros the test pulse's onset, relative to the trial's time zero
     * @param firstPulseOnsetMicros the onset of the trial's first stimulus (conditioning pulse, nerve stimulus or
     *     the test pulse itself)
     */
    public MepMeasures measure(Sweep sweep, int channel, long testOnsetMicros, long firstPulseOnsetMicros) {
        if (firstPulseOnsetMicros > testOnsetMicros) {
            throw new IllegalArgumentException("first pulse at " + firstPulseOnsetMicros
                    + " µs comes after the test pulse at " + testOnsetMicros + " µs");
        }
        double[] v = sweep.microvolts(channel);
        Background background = background(sweep, v, firstPulseOnsetMicros);
        int from = SweepIndex.firstAtOrAfter(sweep, testOnsetMicros + windowStartAfterTestMicros);
        int to = SweepIndex.firstAtOrAfter(sweep, testOnsetMicros + windowEndAfterTestMicros);
        boolean covered = sweep.timeMicros(0) <= testOnsetMicros + windowStartAfterTestMicros
                && sweep.timeMicros(v.length - 1) + sweep.sampleIntervalMicros()
                        >= testOnsetMicros + windowEndAfterTestMicros;
        if (to <= from || !covered) {
            throw new IllegalArgumentException("the MEP window " + windowStartAfterTestMicros / 1000.0 + "–"
                    + windowEndAfterTestMicros / 1000.0 + " ms after the test pulse at " + testOnsetMicros
                    + " µs is not inside the sweep (" + sweep + ")");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double largestDeflection = 0;
        for (int i = from; i < to; i++) {
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
            largestDeflection = Math.max(largestDeflection, Math.abs(v[i] - background.mean));
        }
        double onset = onsetLatency(sweep, v, from, to, background, largestDeflection) - testOnsetMicros;
        return new MepMeasures(max - min, onset, background.emg);
    }

    /** The pre-stimulus EMG of a trial, on its own (e.g. to decide whether to fire at all). */
    public PreStimulusEmg preStimulus(Sweep sweep, int channel, long firstPulseOnsetMicros) {
        return background(sweep, sweep.microvolts(channel), firstPulseOnsetMicros).emg;
    }

    /** Level and noise of the pre-stimulus window, which the silent period and the onset are measured against. */
    record Background(double mean, double sd, PreStimulusEmg emg) {
    }

    Background background(Sweep sweep, double[] v, long firstPulseOnsetMicros) {
        int from = SweepIndex.firstAtOrAfter(sweep, firstPulseOnsetMicros + preStimulusStartMicros);
        int to = Math.min(v.length, SweepIndex.firstAtOrAfter(sweep, firstPulseOnsetMicros + preStimulusEndMicros));
        boolean covered = sweep.timeMicros(0) <= firstPulseOnsetMicros + preStimulusStartMicros;
        if (!covered || to - from < MIN_PRE_STIMULUS_SAMPLES) {
            throw new IllegalArgumentException("the pre-stimulus window " + preStimulusStartMicros / 1000.0 + " to "
                    + preStimulusEndMicros / 1000.0 + " ms before the first pulse at " + firstPulseOnsetMicros
                    + " µs is not inside the sweep or holds fewer than " + MIN_PRE_STIMULUS_SAMPLES + " samples ("
                    + sweep + ")");
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            sum += v[i];
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
        }
        int n = to - from;
        double mean = sum / n;
        double squares = 0;
        double rectified = 0;
        for (int i = from; i < to; i++) {
            squares += (v[i] - mean) * (v[i] - mean);
            rectified += Math.abs(v[i] - mean);
        }
        double rms = Math.sqrt(squares / n);
        PreStimulusEmg emg = new PreStimulusEmg(max - min, rms, rectified / n, criterion.judge(max - min, rms));
        return new Background(mean, Math.sqrt(squares / (n - 1)), emg);
    }

    /** Absolute time (µs from the trial's zero) of the onset, or NaN; see the class comment for the rule. */
    private static double onsetLatency(Sweep sweep, double[] v, int from, int to, Background background,
                                       double largestDeflection) {
        double noiseLevel = ONSET_NOISE_MULTIPLE * background.sd;
        if (!(largestDeflection > noiseLevel)) {
            return Double.NaN;
        }
        double level = Math.max(ONSET_FRACTION_OF_LARGEST * largestDeflection, noiseLevel);
        for (int i = from; i < to; i++) {
            double deflection = Math.abs(v[i] - background.mean);
            if (deflection >= level) {
                if (i == from) {
                    return sweep.timeMicros(i);
                }
                double before = Math.abs(v[i - 1] - background.mean);
                double fraction = (level - before) / (deflection - before);
                return sweep.timeMicros(i - 1) + fraction * sweep.sampleIntervalMicros();
            }
        }
        return Double.NaN;
    }
}
