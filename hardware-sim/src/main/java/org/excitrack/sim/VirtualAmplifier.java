package org.excitrack.sim;

import java.util.Random;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.Pulse;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialSpec;
import org.excitrack.sim.subject.ElectrodeSignal;

/**
 * The unit's EMG amplifier and ADC: samples the electrode signal over the recording window, adds the
 * stimulus artefact and Gaussian baseline noise, and quantises to signed 16-bit counts. Channel 0 records
 * the stimulated muscle; further channels record a site the nerve does not supply (artefact and noise only),
 * as a second electrode pair over a neighbouring muscle would.
 */
final class VirtualAmplifier {
    /** 1 µV per count at the electrodes: ±32.8 mV of range, ample for a CMAP. */
    static final int NANOVOLTS_PER_COUNT = 1_000;
    private static final double ARTEFACT_MICROVOLTS_PER_MILLIAMP = 40;
    private static final double ARTEFACT_DECAY_MICROS = 250;

    private final double noiseMicrovoltsRms;
    private final int channels;

    VirtualAmplifier(double noiseMicrovoltsRms, int channels) {
        this.noiseMicrovoltsRms = noiseMicrovoltsRms;
        this.channels = channels;
    }

    Sweep record(TrialSpec delivered, ElectrodeSignal signal, AmplifierSettings settings, Random random) {
        RecordingWindow window = delivered.effectiveWindow(settings.defaultWindow());
        int rate = settings.sampleRateHz();
        int n = (int) (window.durationMicros() * rate / 1_000_000L);
        short[] samples = new short[n * channels];
        double dt = 1e6 / rate;
        for (int i = 0; i < n; i++) {
            double t = window.startMicros() + i * dt;
            double artefact = artefact(delivered, t);
            for (int c = 0; c < channels; c++) {
                double muscle = c == 0 ? signal.microvoltsAt(t) : 0;
                samples[i * channels + c] = quantise(muscle + artefact + random.nextGaussian() * noiseMicrovoltsRms);
            }
        }
        return new Sweep(rate, window.startMicros(), channels, NANOVOLTS_PER_COUNT, samples);
    }

    private static double artefact(TrialSpec delivered, double t) {
        double sum = 0;
        for (Pulse p : delivered.pulses()) {
            double since = t - p.onsetMicros();
            if (since >= 0 && since < 10 * ARTEFACT_DECAY_MICROS + p.widthMicros()) {
                double sign = p.polarity() == org.excitrack.model.Polarity.CATHODAL ? 1 : -1;
                double decay = since <= p.widthMicros() ? 1 : Math.exp(-(since - p.widthMicros()) / ARTEFACT_DECAY_MICROS);
                sum += sign * ARTEFACT_MICROVOLTS_PER_MILLIAMP * p.amplitudeMilliamps() * decay;
            }
        }
        return sum;
    }

    private static short quantise(double microvolts) {
        double counts = Math.rint(microvolts * 1000.0 / NANOVOLTS_PER_COUNT);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, counts));
    }
}
