package org.excitrack.sim.cortex;

import java.util.Random;

/**
 * Surface EMG from the muscle's own motor units (not the amplifier's noise, which the virtual amplifier adds):
 * Gaussian noise band-limited to the surface-EMG band (one-pole high-pass at 20 Hz, two-pole low-pass at
 * 300 Hz, a spectrum peaking near 80–100 Hz), pre-generated at 20 kHz for the whole trial so the signal is a
 * fixed function of time once built, and scaled to exactly the requested rms over the trial.
 */
final class BackgroundEmg {
    static final BackgroundEmg NONE = new BackgroundEmg(new double[0]);
    private static final double SAMPLE_MICROS = 50;
    private static final double HIGH_PASS_HZ = 20;
    private static final double LOW_PASS_HZ = 300;
    /** Filters run 50 ms (six high-pass time constants) before time zero so the trace starts stationary. */
    private static final int WARM_UP_SAMPLES = 1_000;

    private final double[] microvolts;

    private BackgroundEmg(double[] microvolts) {
        this.microvolts = microvolts;
    }

    static BackgroundEmg generate(double rmsMicrovolts, long durationMicros, Random random) {
        if (rmsMicrovolts == 0) {
            return NONE;
        }
        int n = (int) Math.ceil(durationMicros / SAMPLE_MICROS) + 2;
        double dt = SAMPLE_MICROS * 1e-6;
        double highPass = 1 / (1 + 2 * Math.PI * HIGH_PASS_HZ * dt);
        double lowPass = dt / (dt + 1 / (2 * Math.PI * LOW_PASS_HZ));
        double[] out = new double[n];
        double previousInput = 0;
        double high = 0;
        double low1 = 0;
        double low2 = 0;
        for (int i = -WARM_UP_SAMPLES; i < n; i++) {
            double input = random.nextGaussian();
            high = highPass * (high + input - previousInput);
            previousInput = input;
            low1 += lowPass * (high - low1);
            low2 += lowPass * (low1 - low2);
            if (i >= 0) {
                out[i] = low2;
            }
        }
        double sumSquares = 0;
        for (double v : out) {
            sumSquares += v * v;
        }
        double scale = rmsMicrovolts / Math.sqrt(sumSquares / n);
        for (int i = 0; i < n; i++) {
            out[i] *= scale;
        }
        return new BackgroundEmg(out);
    }

    /** Linearly interpolated µV; zero outside the generated span. */
    double microvoltsAt(double timeMicros) {
        double position = timeMicros / SAMPLE_MICROS;
        int i = (int) Math.floor(position);
        if (i < 0 || i + 1 >= microvolts.length) {
            return 0;
        }
        double f = position - i;
        return microvolts[i] + f * (microvolts[i + 1] - microvolts[i]);
    }
}
