package org.excitrack.tracking.tms;

/**
 * The EMG in the window before a trial's first pulse, and whether the trial may be used.
 *
 * @param peakToPeakMicrovolts largest minus smallest sample in the window, µV
 * @param rmsMicrovolts root mean square about the window's mean, µV
 * @param meanRectifiedMicrovolts mean of |EMG − window mean|, µV: the reference level for the silent period
 * @param verdict what the criterion made of it
 */
public record PreStimulusEmg(double peakToPeakMicrovolts, double rmsMicrovolts, double meanRectifiedMicrovolts,
                             Verdict verdict) {

    /** Whether the trial's background EMG lets it count. */
    public enum Verdict {
        ACCEPTED,
        /** More EMG than allowed: at rest the muscle was not relaxed; the trial is to be repeated. */
        TOO_ACTIVE,
        /** Less EMG than the active band asks for: the subject was not contracting enough. */
        TOO_QUIET
    }

    public boolean isAccepted() {
        return verdict == Verdict.ACCEPTED;
    }
}
