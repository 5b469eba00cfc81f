package org.excitrack.bench;

import java.util.List;
import java.util.Random;
import org.excitrack.codec.Command;
import org.excitrack.codec.Envelope;
import org.excitrack.codec.MessageCodec;
import org.excitrack.codec.Reply;
import org.excitrack.framing.FrameEncoder;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.Pulse;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;

/** The messages the benchmarks send and time: one nerve-conduction trial and its result. */
final class CodecFixtures {
    /** Real-unit link speed; a pseudo-terminal has none, so wire time is computed, not measured. */
    static final long BAUD = 921_600;

    /** What the simulator's amplifier records with (1 µV per count, 10 µV rms noise, 8 mV CMAP at 6.5 ms). */
    private static final int NANOVOLTS_PER_COUNT = 1_000;
    private static final double NOISE_MICROVOLTS_RMS = 10;
    private static final double CMAP_MICROVOLTS = -8_000;
    private static final double CMAP_LATENCY_MICROS = 6_500;
    private static final double CMAP_WIDTH_MICROS = 1_500;

    private CodecFixtures() {
    }

    /** 1 ms cathodal pulse of 4 mA at 2 ms, recorded over the configured window. */
    static TrialSpec trial(long id) {
        return TrialSpec.singlePulse(id, Pulse.cathodal(2000, 1000, 4_000_000), RecordingWindow.CONFIGURED_DEFAULT);
    }

    /**
     * A result like the simulator's for {@link #trial} under {@link AmplifierSettings#nerveDefaults()}: 300
     * samples per channel, the CMAP on channel 0 and noise only on the others. Sample values matter to the
     * benchmark: COBS cost depends on how many zero bytes the samples contain, and small signed 16-bit values
     * have many (0x00 and 0xFF high bytes).
     */
    static TrialResult nerveResult(long id, int channels) {
        AmplifierSettings settings = AmplifierSettings.nerveDefaults();
        TrialSpec trial = trial(id);
        int rate = settings.sampleRateHz();
        int n = (int) (settings.defaultWindow().durationMicros() * rate / 1_000_000L);
        Random random = new Random(1);
        short[] samples = new short[n * channels];
        for (int i = 0; i < n; i++) {
            double t = i * 1e6 / rate;
            double z = (t - CMAP_LATENCY_MICROS) / CMAP_WIDTH_MICROS;
            for (int c = 0; c < channels; c++) {
                double cmap = c == 0 ? CMAP_MICROVOLTS * Math.exp(-z * z) : 0;
                double microvolts = cmap + random.nextGaussian() * NOISE_MICROVOLTS_RMS;
                samples[i * channels + c] = (short) Math.rint(microvolts * 1000.0 / NANOVOLTS_PER_COUNT);
            }
        }
        Sweep sweep = new Sweep(rate, settings.defaultWindow().startMicros(), channels, NANOVOLTS_PER_COUNT, samples);
        return new TrialResult(id, 1_234_567L, trial.pulses(), List.of(), List.of(), sweep);
    }

    static Envelope trialCommand(int sequence, TrialSpec trial) {
        return Envelope.of(sequence, new Command.RunTrial(trial));
    }

    static Envelope trialResultReply(int sequence, TrialResult result) {
        return Envelope.of(sequence, new Reply.TrialCompleted(result));
    }

    /** The bytes on the wire for one message: payload, CRC, COBS and the delimiter. */
    static byte[] frame(Envelope envelope) {
        return new FrameEncoder().encode(new MessageCodec().encode(envelope));
    }
}
