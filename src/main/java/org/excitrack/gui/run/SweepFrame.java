package org.excitrack.gui.run;

import org.excitrack.model.session.MeasuredSweep;

/**
 * The latest sweep as the trace plot draws it: channel 0 in microvolts, its time axis, and the shaded window.
 * Built once on the session's thread from an event; the array is never written after, so the FX thread may read
 * it without a lock.
 *
 * @param label what the trace shows ("Trial 23 · Charge-duration · 0.2 ms · test")
 */
record SweepFrame(double[] microvolts, double startMicros, double sampleIntervalMicros, long windowStartMicros,
                  long windowEndMicros, String label) {

    static SweepFrame of(MeasuredSweep measured, String label) {
        return new SweepFrame(measured.sweep().microvolts(0), measured.sweep().startMicros(),
                measured.sweep().sampleIntervalMicros(), measured.windowStartMicros(), measured.windowEndMicros(),
                label);
    }

    double endMicros() {
        return startMicros + microvolts.length * sampleIntervalMicros;
    }
}
