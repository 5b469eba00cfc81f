package org.excitrack.model;

/**
 * A CMAP measured from one sweep.
 *
 * @param negativePeakMicrovolts baseline-to-negative-peak amplitude, µV (positive number; QTRAC's measure)
 * @param peakToPeakMicrovolts negative peak to positive peak, µV
 * @param latencyMicros from stimulus onset to the negative peak, µs
 * @param baselineNoiseMicrovoltsRms standard deviation of the pre-stimulus baseline, µV
 */
public record Response(double negativePeakMicrovolts, double peakToPeakMicrovolts, double latencyMicros,
                       double baselineNoiseMicrovoltsRms) {
}
