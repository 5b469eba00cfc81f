package org.excitrack.analysis.tms;

/**
 * A fitted Boltzmann stimulus–response curve, MEP(x) = MEPmax / (1 + e^((S50 − x)/k)) (Devanne et al. 1997), with
 * the parameters' standard errors.
 *
 * @param mepMaxMicrovolts the plateau, µV
 * @param s50PercentMso the output giving half the plateau, %MSO
 * @param slopePercentMso k: the output change over which the curve rises by a factor e near S50, %MSO (smaller is
 *     steeper; the maximal slope is MEPmax / (4k) µV per %MSO)
 * @param mepMaxStandardErrorMicrovolts standard error of MEPmax, µV
 * @param s50StandardErrorPercentMso standard error of S50, %MSO
 * @param slopeStandardErrorPercentMso standard error of k, %MSO
 * @param residualSdMicrovolts the residuals' standard deviation, √(SSE / (n − 3)), µV
 * @param points how many points the fit rests on
 */
public record BoltzmannCurve(double mepMaxMicrovolts, double s50PercentMso, double slopePercentMso,
                             double mepMaxStandardErrorMicrovolts, double s50StandardErrorPercentMso,
                             double slopeStandardErrorPercentMso, double residualSdMicrovolts, int points) {

    /** The curve's MEP at {@code intensityPercentMso}, µV. */
    public double mepMicrovoltsAt(double intensityPercentMso) {
        return mepMaxMicrovolts / (1 + Math.exp((s50PercentMso - intensityPercentMso) / slopePercentMso));
    }

    /** The steepest slope, at S50, µV per %MSO. */
    public double peakSlopeMicrovoltsPerPercentMso() {
        return mepMaxMicrovolts / (4 * slopePercentMso);
    }
}
