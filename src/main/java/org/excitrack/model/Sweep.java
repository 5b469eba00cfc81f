package org.excitrack.model;

import java.util.Arrays;

/**
 * A recorded sweep: signed 16-bit samples, channels interleaved, with the scale that turns counts into volts.
 *
 * @param sampleRateHz samples per second per channel
 * @param startMicros time of the first sample relative to the trial's time zero, in microseconds
 * @param channelCount number of interleaved channels
 * @param nanovoltsPerCount scale of one count at the electrodes (amplifier gain already divided out)
 * @param samples interleaved samples (ch0 s0, ch1 s0, …, ch0 s1, …); the record keeps its own copy
 */
public record Sweep(int sampleRateHz, long startMicros, int channelCount, int nanovoltsPerCount, short[] samples) {
    public Sweep {
        Checks.positive(sampleRateHz, "sample rate", "Hz");
        Checks.positive(channelCount, "channel count", "");
        Checks.positive(nanovoltsPerCount, "scale", "nV/count");
        if (samples.length % channelCount != 0) {
            throw new IllegalArgumentException(samples.length + " samples do not divide into "
                    + channelCount + " channels");
        }
        samples = samples.clone();
    }

    @Override
    public short[] samples() {
        return samples.clone();
    }

    public int samplesPerChannel() {
        return samples.length / channelCount;
    }

    public double sampleIntervalMicros() {
        return 1e6 / sampleRateHz;
    }

    /** Time of sample {@code index} relative to the trial's time zero, in microseconds. */
    public double timeMicros(int index) {
        return startMicros + index * sampleIntervalMicros();
    }

    /** One channel in microvolts. */
    public double[] microvolts(int channel) {
        if (channel < 0 || channel >= channelCount) {
            throw new IllegalArgumentException("channel " + channel + " is outside 0.." + (channelCount - 1));
        }
        double[] out = new double[samplesPerChannel()];
        double scale = nanovoltsPerCount / 1000.0;
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[i * channelCount + channel] * scale;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sweep s && s.sampleRateHz == sampleRateHz && s.startMicros == startMicros
                && s.channelCount == channelCount && s.nanovoltsPerCount == nanovoltsPerCount
                && Arrays.equals(s.samples, samples);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(samples) + Long.hashCode(startMicros) + sampleRateHz;
    }

    @Override
    public String toString() {
        return "Sweep[" + sampleRateHz + " Hz, start " + startMicros + " µs, " + channelCount + " ch × "
                + samplesPerChannel() + " samples, " + nanovoltsPerCount + " nV/count]";
    }
}
