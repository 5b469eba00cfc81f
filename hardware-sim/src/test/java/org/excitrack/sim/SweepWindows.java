package org.excitrack.sim;

import org.excitrack.model.Sweep;

/** What the simulator tests read off a recorded sweep. */
public final class SweepWindows {
    private SweepWindows() {
    }

    /** Largest minus smallest sample of channel 0 between the two times from the sweep's start. */
    public static double peakToPeakMicrovolts(Sweep sweep, long fromMicros, long toMicros) {
        double[] uv = sweep.microvolts(0);
        int from = (int) (fromMicros * sweep.sampleRateHz() / 1_000_000L);
        int to = (int) Math.min(uv.length, toMicros * sweep.sampleRateHz() / 1_000_000L);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = from; i < to; i++) {
            min = Math.min(min, uv[i]);
            max = Math.max(max, uv[i]);
        }
        return max - min;
    }
}
