package org.excitrack.tracking.tms;

/**
 * When the EMG before the first pulse of a trial is acceptable: a band on one measure of it. At rest the muscle
 * must be silent, because background activity facilitates the MEP and would bias a resting threshold down; in
 * an active protocol (AMT, silent period) the contraction must lie in a band, because the MEP and the silent
 * period both change with the contraction level.
 *
 * @param measure which measure of the pre-stimulus EMG is checked
 * @param minMicrovolts the lowest accepted value, µV (0 at rest)
 * @param maxMicrovolts the highest accepted value, µV
 */
public record PreStimulusCriterion(Measure measure, double minMicrovolts, double maxMicrovolts) {
    /**
     * 50 µV peak-to-peak: the usual resting criterion (about 20–50 µV p-p, tms.md §4.1), at its permissive end
     * because a 3 µV rms amplifier noise alone reaches ≈ 20 µV p-p over 95 ms.
     */
    public static final double DEFAULT_REST_LIMIT_MICROVOLTS = 50;

    /** The measure of the pre-stimulus EMG a criterion is stated in. */
    public enum Measure {
        /** Largest minus smallest sample: sensitive to a single motor unit firing. */
        PEAK_TO_PEAK,
        /** Root mean square about the window's mean: proportional to the contraction level. */
        RMS
    }

    public PreStimulusCriterion {
        if (measure == null || !(minMicrovolts >= 0) || !(maxMicrovolts > minMicrovolts)) {
            throw new IllegalArgumentException("pre-stimulus EMG band " + minMicrovolts + ".." + maxMicrovolts
                    + " µV (" + measure + ") must be a non-empty band from 0 µV up");
        }
    }

    /** At rest: at most {@value #DEFAULT_REST_LIMIT_MICROVOLTS} µV peak-to-peak. */
    public static PreStimulusCriterion atRest() {
        return atRest(DEFAULT_REST_LIMIT_MICROVOLTS);
    }

    /** At rest: at most {@code maxPeakToPeakMicrovolts} µV peak-to-peak. */
    public static PreStimulusCriterion atRest(double maxPeakToPeakMicrovolts) {
        return new PreStimulusCriterion(Measure.PEAK_TO_PEAK, 0, maxPeakToPeakMicrovolts);
    }

    /** Active: the contraction's EMG within a band, e.g. 100–300 µV peak-to-peak (BEST's AMT default). */
    public static PreStimulusCriterion activeBand(Measure measure, double minMicrovolts, double maxMicrovolts) {
        return new PreStimulusCriterion(measure, minMicrovolts, maxMicrovolts);
    }

    /** The verdict on one trial's pre-stimulus EMG. */
    public PreStimulusEmg.Verdict judge(double peakToPeakMicrovolts, double rmsMicrovolts) {
        double value = measure == Measure.PEAK_TO_PEAK ? peakToPeakMicrovolts : rmsMicrovolts;
        if (value > maxMicrovolts) {
            return PreStimulusEmg.Verdict.TOO_ACTIVE;
        }
        if (value < minMicrovolts) {
            return PreStimulusEmg.Verdict.TOO_QUIET;
        }
        return PreStimulusEmg.Verdict.ACCEPTED;
    }
}
