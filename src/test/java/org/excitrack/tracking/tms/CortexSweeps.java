package org.excitrack.tracking.tms;

import java.util.Random;
import org.excitrack.model.Sweep;
import org.excitrack.sim.subject.ElectrodeSignal;

/**
 * Turns the virtual cortex's electrode signal into the {@link Sweep} an amplifier would record, so the TMS
 * measures are tested (and benchmarked) on the same kind of data the session hands them. Used by the RMT
 * benchmark too, hence public.
 */
public final class CortexSweeps {
    /** 5 kHz: at least 2 kHz is recommended for MEPs (tms.md §4.1). */
    public static final int SAMPLE_RATE_HZ = 5_000;
    /** 0.2 µV per count: ±6.5 mV before clipping, above the largest simulated MEPs. */
    public static final int NANOVOLTS_PER_COUNT = 200;

    private CortexSweeps() {
    }

    /**
     * One channel from {@code startMicros} (inclusive) to {@code endMicros} (exclusive), with white amplifier
     * noise of {@code noiseMicrovoltsRms} drawn from {@code random}.
     */
    public static Sweep record(ElectrodeSignal signal, long startMicros, long endMicros, double noiseMicrovoltsRms,
                               Random random) {
        double intervalMicros = 1e6 / SAMPLE_RATE_HZ;
        int n = (int) Math.round((endMicros - startMicros) / intervalMicros);
        short[] counts = new short[n];
        for (int i = 0; i < n; i++) {
            double uv = signal.microvoltsAt(startMicros + i * intervalMicros)
                    + (noiseMicrovoltsRms > 0 ? noiseMicrovoltsRms * random.nextGaussian() : 0);
            long c = Math.round(uv * 1000 / NANOVOLTS_PER_COUNT);
            counts[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, c));
        }
        return new Sweep(SAMPLE_RATE_HZ, startMicros, 1, NANOVOLTS_PER_COUNT, counts);
    }
}
