package org.excitrack.tracking.tms;

import org.excitrack.model.Sweep;

/** Sample indices of a sweep for times relative to the trial's zero. */
final class SweepIndex {
    private SweepIndex() {
    }

    /** The first sample at or after {@code timeMicros}, clamped to 0 … samples per channel. */
    static int firstAtOrAfter(Sweep sweep, long timeMicros) {
        double index = (timeMicros - sweep.startMicros()) / sweep.sampleIntervalMicros();
        // 1e-9 absorbs the rounding of times that fall exactly on a sample
        long i = (long) Math.ceil(index - 1e-9);
        return (int) Math.max(0, Math.min(sweep.samplesPerChannel(), i));
    }
}
