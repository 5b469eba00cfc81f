package org.excitrack.tracking;

import org.excitrack.model.Response;

/**
 * Everything measured from one sweep's response to a test pulse; times are from the test pulse's onset.
 *
 * @param negativePeakMicrovolts baseline to negative peak, µV (positive; zero when the trace never dips below
 *     the baseline): the measure QTRAC tracks
 * @param peakToPeakMicrovolts negative peak to the largest positive value after it in the window, µV
 * @param negativePeakLatencyMicros test onset to the negative peak, µs
 * @param onsetLatencyMicros test onset to where the deflection leading to the negative peak first exceeds the
 *     onset threshold, µs; NaN when the response does not stand out of the noise
 * @param baselineMicrovolts the level amplitudes are measured from, µV
 * @param baselineNoiseMicrovoltsRms standard deviation of the samples before the first stimulus, µV
 */
public record ResponseMeasures(double negativePeakMicrovolts, double peakToPeakMicrovolts,
                               double negativePeakLatencyMicros, double onsetLatencyMicros,
                               double baselineMicrovolts, double baselineNoiseMicrovoltsRms) {

    public boolean hasOnset() {
        return !Double.isNaN(onsetLatencyMicros);
    }

    /** The summary the rest of the system stores per trial. */
    public Response toResponse() {
        return new Response(negativePeakMicrovolts, peakToPeakMicrovolts, negativePeakLatencyMicros,
                baselineNoiseMicrovoltsRms);
    }
}
