package org.excitrack.model.tms;

/**
 * A threshold in magnetic stimulator output: a motor threshold or a tracked point's threshold.
 *
 * @param percentMso the estimate, % of maximum stimulator output (fractional: estimates fall between settings)
 * @param standardErrorPercentMso its standard error, %MSO (NaN when the method gives none)
 * @param stimuli stimuli it took
 * @param converged whether it met its stopping rule rather than running out of stimuli
 */
public record MagneticThreshold(double percentMso, double standardErrorPercentMso, int stimuli, boolean converged) {
}
