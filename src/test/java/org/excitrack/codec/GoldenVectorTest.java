package org.excitrack.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.excitrack.framing.FrameEncoder;
import org.excitrack.testing.Chunking;
import org.excitrack.testing.GoldenVectors;
import org.excitrack.testing.GoldenVectors.Expected;
import org.excitrack.testing.GoldenVectors.Outcome;
import org.excitrack.testing.GoldenVectors.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the codec to the golden vectors of firmware-protocol/vectors/: the files are the truth and are never
 * regenerated here.
 */
class GoldenVectorTest {
    private static final List<Vector> VECTORS = GoldenVectors.all();
    private final MessageCodec codec = new MessageCodec();
    private final FrameEncoder framer = new FrameEncoder();

    static Stream<Arguments> everyVectorInEveryChunking() {
        return VECTORS.stream().flatMap(v -> Chunking.standard().stream().map(c -> Arguments.of(v, c)));
    }

    static Stream<Vector> singleFrameVectors() {
        return VECTORS.stream().filter(Vector::isSingleFrame);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyVectorInEveryChunking")
    void aReceiverFindsExactlyTheExpectedOutcomes(Vector vector, Chunking chunking) {
        List<Outcome> actual = GoldenVectors.decode(chunking.chunks(vector.bytes()));
        List<Expected> expected = chunking.expected(vector.expect());

        assertThat(GoldenVectors.matches(expected, actual))
                .as("%s fed %s%n expected: %s%n actual:   %s", vector.name(), chunking, expected, actual)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFrameVectors")
    void reEncodingTheDecodedEnvelopeGivesBackTheGoldenBytes(Vector vector) {
        Envelope decoded = ((Outcome.Decoded) GoldenVectors.decode(List.of(vector.bytes())).get(0)).envelope();

        assertThat(GoldenVectors.Hex.format(framer.encode(codec.encode(decoded))))
                .isEqualTo(GoldenVectors.Hex.format(vector.bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFrameVectors")
    void theJsonFormAloneEncodesToTheGoldenBytes(Vector vector) {
        Envelope fromJson = ((Expected.Frame) vector.expect().get(0)).envelope();

        assertThat(GoldenVectors.Hex.format(framer.encode(codec.encode(fromJson))))
                .isEqualTo(GoldenVectors.Hex.format(vector.bytes()));
    }

    @Test
    void everyMessageTypeHasAVector() {
        Set<MessageType> covered = EnumSet.noneOf(MessageType.class);
        for (Vector v : VECTORS) {
            for (Expected e : v.expect()) {
                if (e instanceof Expected.Frame f) {
                    covered.add(f.type());
                }
            }
        }
        assertThat(EnumSet.complementOf(EnumSet.copyOf(covered))).as("message types without a vector").isEmpty();
    }

    @Test
    void everyKindOfFailureHasAVector() {
        Set<GoldenVectors.ErrorKind> covered = EnumSet.noneOf(GoldenVectors.ErrorKind.class);
        for (Vector v : VECTORS) {
            for (Expected e : v.expect()) {
                if (e instanceof Expected.Error err) {
                    covered.add(err.kind());
                    assertThat(err.contains()).as("%s names what went wrong", v.name()).isNotBlank();
                }
            }
        }
        assertThat(covered).containsExactlyInAnyOrder(GoldenVectors.ErrorKind.values());
    }

    @Test
    void filesAreNamedAfterTheirVectorAndEveryVectorEndsWithADelimiter() throws Exception {
        assertThat(VECTORS).hasSizeGreaterThanOrEqualTo(MessageType.values().length);
        List<String> problems = new ArrayList<>();
        for (Vector v : VECTORS) {
            if (!v.file().getFileName().toString().equals(v.name() + ".json")) {
                problems.add(v.file() + " holds vector " + v.name());
            }
            byte[] b = v.bytes();
            if (b.length == 0 || b[b.length - 1] != 0) {
                problems.add(v.name() + " does not end with a 0x00 delimiter");
            }
            if (!Files.readString(v.file()).endsWith("\n")) {
                problems.add(v.file() + " does not end with a newline");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theOverlongVectorIsGeneratedAsDocumented() {
        Vector v = GoldenVectors.named("too-long-then-frame");
        byte[] b = v.bytes();

        assertThat(b.length).isGreaterThan(FrameEncoder.MAX_ENCODED_BYTES);
        for (int i = 0; i < 70_000; i++) {
            assertThat(b[i]).isEqualTo((byte) 0x01);
        }
        assertThat(b[70_000]).isZero();
    }

    /** A hand check: the HEARTBEAT vector worked out byte by byte in firmware-protocol/PROTOCOL.md. */
    @Test
    void theHeartbeatVectorIsTheWorkedExampleOfTheSpecification() {
        // payload 01 07 07 00, CRC-32C 0x9bbf4c53 as LE u32, COBS (04 | 01 07 07)(05 | 53 4c bf 9b), delimiter
        assertThat(GoldenVectors.Hex.format(GoldenVectors.named("heartbeat").bytes()))
                .isEqualTo("04 01 07 07 05 53 4c bf 9b 00");
    }
}
