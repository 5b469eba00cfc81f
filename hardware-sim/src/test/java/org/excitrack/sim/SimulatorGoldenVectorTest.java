package org.excitrack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.excitrack.codec.Command;
import org.excitrack.codec.Envelope;
import org.excitrack.codec.ErrorCode;
import org.excitrack.codec.Event;
import org.excitrack.codec.MessageCodec;
import org.excitrack.codec.Reply;
import org.excitrack.framing.FrameDecoder;
import org.excitrack.framing.FrameSink;
import org.excitrack.framing.FramingException;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.testing.Chunking;
import org.excitrack.testing.GoldenVectors;
import org.excitrack.testing.GoldenVectors.ErrorKind;
import org.excitrack.testing.GoldenVectors.Expected;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulator reads the same golden vectors as the controller's codec tests, so the two sides of the wire
 * cannot drift: every command vector is answered with its own sequence number, every frame a host may not
 * send or cannot have sent correctly gets the specified ERROR, and corrupted bytes are dropped silently.
 */
class SimulatorGoldenVectorTest {
    private static final int SETUP_SEQUENCE = 0xFFF0;

    static Stream<Arguments> vectorsInEveryChunking() {
        return GoldenVectors.all().stream().flatMap(v -> Chunking.standard().stream().map(c -> Arguments.of(v, c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("vectorsInEveryChunking")
    void theUnitAnswersEveryVectorAsTheSpecificationSays(GoldenVectors.Vector vector, Chunking chunking) {
        ManualScheduler clock = new ManualScheduler();
        List<Envelope> sent = new ArrayList<>();
        VirtualUnit unit = new VirtualUnit(SimulatorConfig.defaults(), clock, sent::add);
        MessageCodec codec = new MessageCodec();
        unit.onFrame(codec.encode(Envelope.of(SETUP_SEQUENCE, new Command.Configure(AmplifierSettings.nerveDefaults()))));
        unit.onFrame(codec.encode(Envelope.of(SETUP_SEQUENCE + 1, new Command.Arm(60_000))));
        sent.clear();

        List<String> framingErrors = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder();
        FrameSink sink = new FrameSink() {
            @Override
            public void onFrame(byte[] payload) {
                unit.onFrame(payload);
            }

            @Override
            public void onError(FramingException error) {
                framingErrors.add(error.getMessage());
            }
        };
        for (byte[] chunk : chunking.chunks(vector.bytes())) {
            decoder.feed(chunk, sink);
        }
        clock.advanceMicros(2_000_000);

        List<Envelope> replies = sent.stream().filter(e -> !(e.message() instanceof Event)).toList();
        int expectedReplies = 0;
        for (Expected expected : vector.expect()) {
            if (expected instanceof Expected.Frame frame) {
                expectedReplies++;
                Envelope reply = replies.stream().filter(e -> e.sequence() == frame.sequence()).findFirst()
                        .orElseThrow(() -> new AssertionError("no reply to " + frame + "; sent " + sent));
                if (frame.type().isCommand()) {
                    assertThat(reply.message()).isInstanceOf(Reply.class);
                } else {
                    assertThat(((Reply.Error) reply.message()).code()).isEqualTo(ErrorCode.UNKNOWN_COMMAND);
                }
            } else if (expected instanceof Expected.Error error
                    && (error.kind() == ErrorKind.PROTOCOL || error.kind() == ErrorKind.UNSUPPORTED_VERSION)) {
                expectedReplies++;
                ErrorCode wanted = error.kind() == ErrorKind.UNSUPPORTED_VERSION ? ErrorCode.UNSUPPORTED_VERSION
                        : vector.name().contains("unknown-type") ? ErrorCode.UNKNOWN_COMMAND : ErrorCode.MALFORMED;
                assertThat(replies).anySatisfy(e -> assertThat(e.message()).isInstanceOfSatisfying(Reply.Error.class,
                        r -> assertThat(r.code()).isEqualTo(wanted)));
            }
        }
        assertThat(replies).as("one reply per decodable frame, none for corrupted bytes").hasSize(expectedReplies);
    }
}
