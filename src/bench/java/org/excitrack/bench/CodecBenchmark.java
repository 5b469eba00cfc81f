package org.excitrack.bench;

import java.util.concurrent.TimeUnit;
import org.excitrack.codec.Envelope;
import org.excitrack.codec.MessageCodec;
import org.excitrack.framing.FrameDecoder;
import org.excitrack.framing.FrameEncoder;
import org.excitrack.framing.FrameSink;
import org.excitrack.framing.FramingException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU cost of one message through our own stack, both directions: codec + framing for a TRIAL command
 * (host → unit) and a TRIAL_RESULT of 300 samples per channel (unit → host). Short runs: these are for
 * spotting a regression by orders of magnitude next to the millisecond-scale link, not for publishing
 * nanoseconds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class CodecBenchmark {
    private final MessageCodec codec = new MessageCodec();
    private final FrameEncoder encoder = new FrameEncoder();
    // one decoder per thread, as on a link's reader thread; it is reused, so its 64 KiB buffer is not timed
    private final FrameDecoder decoder = new FrameDecoder();
    private final LastFrame sink = new LastFrame();

    private Envelope trialCommand;
    private byte[] trialCommandFrame;

    /** Results with one channel and with the reference unit's two: decoding cost follows the sample count. */
    @State(Scope.Thread)
    public static class TrialResultMessage {
        @Param({"1", "2"})
        int channels;

        Envelope envelope;
        byte[] frame;

        @Setup
        public void setUp() {
            envelope = CodecFixtures.trialResultReply(42, CodecFixtures.nerveResult(7, channels));
            frame = CodecFixtures.frame(envelope);
        }
    }

    @Setup
    public void setUp() {
        trialCommand = CodecFixtures.trialCommand(42, CodecFixtures.trial(7));
        trialCommandFrame = CodecFixtures.frame(trialCommand);
    }

    @Benchmark
    public byte[] encodeTrialCommand() {
        return encoder.encode(codec.encode(trialCommand));
    }

    @Benchmark
    public Envelope decodeTrialCommand() {
        return deframeAndDecode(trialCommandFrame);
    }

    @Benchmark
    public byte[] encodeTrialResult(TrialResultMessage result) {
        return encoder.encode(codec.encode(result.envelope));
    }

    @Benchmark
    public Envelope decodeTrialResult(TrialResultMessage result) {
        return deframeAndDecode(result.frame);
    }

    private Envelope deframeAndDecode(byte[] frame) {
        decoder.feed(frame, sink);
        return codec.decode(sink.take());
    }

    /** Keeps the one frame a whole-frame feed produces; a framing error here is a broken benchmark. */
    private static final class LastFrame implements FrameSink {
        private byte[] payload;

        @Override
        public void onFrame(byte[] payload) {
            this.payload = payload;
        }

        @Override
        public void onError(FramingException error) {
            throw new IllegalStateException("benchmark frame did not decode", error);
        }

        byte[] take() {
            byte[] p = payload;
            if (p == null) {
                throw new IllegalStateException("feeding a whole frame produced no payload");
            }
            payload = null;
            return p;
        }
    }
}
