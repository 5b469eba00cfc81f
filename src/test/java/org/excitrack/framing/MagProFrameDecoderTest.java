package org.excitrack.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.excitrack.framing.MagProFrameException.Problem;
import org.excitrack.testing.Chunking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MagProFrameDecoderTest {
    /** The status request every peer sends first: 0xFE, length 1, id 0, CRC of [0] = 0, 0xFF. */
    private static final byte[] GET_STATUS = bytes(0xFE, 0x01, 0x00, 0x00, 0xFF);

    static List<Chunking> chunkings() {
        // Chunking's garbage prefix is for our own COBS frames; MagPro garbage gets tests of its own below.
        return List.of(Chunking.WHOLE, Chunking.ONE_BYTE_AT_A_TIME, Chunking.randomSplits(1),
                Chunking.randomSplits(2), Chunking.randomSplits(3));
    }

    @Test
    void encodesTheStatusRequestAsPeersSendIt() {
        assertThat(MagProFrameEncoder.encode(new byte[] {0})).isEqualTo(GET_STATUS);
    }

    @Test
    void encodesAFrameByHand() {
        byte[] payload = {1, 60, 0};
        assertThat(MagProFrameEncoder.encode(payload))
                .isEqualTo(bytes(0xFE, 3, 1, 60, 0, Crc8Maxim.of(payload), 0xFF));
    }

    @Test
    void refusesPayloadsTheLengthByteCannotCarry() {
        assertThatThrownBy(() -> MagProFrameEncoder.encode(new byte[0])).hasMessageContaining("id byte");
        assertThatThrownBy(() -> MagProFrameEncoder.encode(new byte[256])).hasMessageContaining("one-byte length");
        assertThat(MagProFrameEncoder.encode(new byte[255])).hasSize(259);
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void framesWithStartAndEndBytesInsideComeOutWhole(Chunking chunking) {
        List<byte[]> payloads = List.of(new byte[] {0},
                bytes(5, 0xFE, 0xFF, 0xFE, 1, 2, 3, 0xFF, 0xFF, 0, 0, 0, 0, 0, 1),
                bytes(2, 0xFF, 0xFE, 0x77), bytes(0xFE), bytes(0xFF, 0xFF, 0xFF));
        Recorder r = feed(chunking, new MagProFrameDecoder(), wire(payloads));

        assertThat(r.errors).isEmpty();
        assertThat(r.frames).containsExactlyElementsOf(payloads);
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void garbageWithoutStartBytesIsReportedOnceWithItsLength(Chunking chunking) {
        byte[] stream = concat(bytes(0x00, 0x11, 0xFF, 0x42, 0x13), GET_STATUS, bytes(0x55, 0x66), GET_STATUS);
        MagProFrameDecoder decoder = new MagProFrameDecoder();
        Recorder r = feed(chunking, decoder, stream);

        assertThat(r.frames).hasSize(2);
        assertThat(r.problems()).containsExactly(Problem.GARBAGE, Problem.GARBAGE);
        assertThat(r.errors.get(0).discardedBytes()).isEqualTo(5);
        assertThat(r.errors.get(1).discardedBytes()).isEqualTo(2);
        assertThat(decoder.discardedBytes()).isEqualTo(7);
        assertThat(decoder.errors(Problem.GARBAGE)).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void aCorruptedChecksumCostsThatFrameOnly(Chunking chunking) {
        byte[] bad = MagProFrameEncoder.encode(bytes(1, 60, 0));
        bad[5] ^= 0x01;
        byte[] stream = concat(GET_STATUS, bad, GET_STATUS);
        Recorder r = feed(chunking, new MagProFrameDecoder(), stream);

        assertThat(r.frames).hasSize(2);
        assertThat(r.problems()).containsExactly(Problem.BAD_CRC);
        assertThat(r.errors.get(0)).hasMessageContaining("CRC-8 mismatch").hasMessageContaining("id 1");
        assertThat(r.errors.get(0).discardedBytes()).isEqualTo(bad.length);
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void aCorruptedPayloadByteIsCaughtByTheChecksum(Chunking chunking) {
        byte[] bad = MagProFrameEncoder.encode(bytes(0, 0x77, 1, 0xE2, 0x40, 24, 60, 50, 40));
        bad[9] ^= 0x10;
        Recorder r = feed(chunking, new MagProFrameDecoder(), concat(bad, GET_STATUS));

        assertThat(r.problems()).containsExactly(Problem.BAD_CRC);
        assertThat(r.frames).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void aFrameWithoutItsEndByteIsReportedAndTheNextFrameStillDecodes(Chunking chunking) {
        byte[] truncated = Arrays.copyOf(MagProFrameEncoder.encode(bytes(2, 1)), 5);
        byte[] stream = concat(truncated, MagProFrameEncoder.encode(bytes(3)), GET_STATUS);
        Recorder r = feed(chunking, new MagProFrameDecoder(), stream);

        assertThat(r.problems()).containsExactly(Problem.MISSING_END_BYTE);
        assertThat(r.errors.get(0)).hasMessageContaining("instead of 0xff");
        assertThat(r.frames).containsExactly(bytes(3), bytes(0));
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void absurdLengthsAreRefusedAtOnce(Chunking chunking) {
        byte[] stream = concat(bytes(0xFE, 0x00), bytes(0xFE, 200, 1, 2, 3), GET_STATUS);
        Recorder r = feed(chunking, new MagProFrameDecoder(), stream);

        assertThat(r.problems()).containsExactly(Problem.BAD_LENGTH, Problem.BAD_LENGTH, Problem.GARBAGE);
        assertThat(r.errors.get(1)).hasMessageContaining("length 200, outside 1..64");
        assertThat(r.frames).containsExactly(bytes(0));
    }

    @Test
    void theLongestAcceptedPayloadIsAChoice() {
        byte[] frame = MagProFrameEncoder.encode(new byte[100]);
        Recorder strict = feed(Chunking.WHOLE, new MagProFrameDecoder(), frame);
        Recorder wide = feed(Chunking.WHOLE, new MagProFrameDecoder(255), frame);

        assertThat(strict.frames).isEmpty();
        assertThat(strict.problems()).startsWith(Problem.BAD_LENGTH);
        assertThat(wide.frames).hasSize(1);
        assertThatThrownBy(() -> new MagProFrameDecoder(256)).hasMessageContaining("1..255");
    }

    @Test
    void aRealFrameBehindAFalseStartIsFoundOnceTheAnnouncedLengthHasArrived() {
        // 0xFE 0x10 announces 16 payload bytes: the reply inside them is found when the 20th byte arrives.
        MagProFrameDecoder decoder = new MagProFrameDecoder();
        Recorder r = new Recorder();
        byte[] payload = bytes(0, 0x77, 1, 0xE2, 0x40, 24, 60, 50, 40);
        decoder.feed(concat(bytes(0x13, 0xFE, 0x10, 0x07), MagProFrameEncoder.encode(payload)), r);
        assertThat(r.frames).isEmpty();
        assertThat(decoder.pendingBytes()).isEqualTo(16);

        decoder.feed(concat(bytes(0x20, 0x21, 0x22, 0x23), GET_STATUS), r);

        assertThat(r.frames).containsExactly(payload, bytes(0));
        assertThat(r.problems()).containsExactly(Problem.GARBAGE, Problem.MISSING_END_BYTE, Problem.GARBAGE);
        assertThat(decoder.pendingBytes()).isZero();
    }

    @Test
    void garbageFullOfStartAndEndBytesNeverHidesTheFramesAfterIt() {
        // a false start in the garbage may hold the frames back until its announced length has passed
        byte[] laterTraffic = new byte[MagProFrameDecoder.DEFAULT_MAX_PAYLOAD_BYTES + 4];
        List<byte[]> payloads = List.of(bytes(0, 0x77, 1, 0xE2, 0x40, 24, 60, 50, 40), bytes(2, 70, 0, 0x77),
                bytes(1, 0xFE, 0xFF, 0x77));
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            byte[] garbage = new byte[1 + random.nextInt(80)];
            for (int i = 0; i < garbage.length; i++) {
                int pick = random.nextInt(4);
                garbage[i] = (byte) (pick == 0 ? 0xFE : pick == 1 ? 0xFF : random.nextInt(256));
            }
            byte[] stream = concat(garbage, wire(payloads), laterTraffic);
            for (Chunking chunking : chunkings()) {
                Recorder r = feed(chunking, new MagProFrameDecoder(), stream);
                assertThat(r.frames).as("seed %d, %s", seed, chunking).endsWith(payloads.toArray(new byte[0][]));
                assertThat(r.errors).as("seed %d", seed).isNotEmpty();
            }
        }
    }

    @Test
    void memoryStaysWithinOneCandidateWhateverArrives() {
        MagProFrameDecoder decoder = new MagProFrameDecoder();
        Recorder r = new Recorder();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            decoder.feed(new byte[] {(byte) (random.nextBoolean() ? 0xFE : random.nextInt(256))}, r);
            assertThat(decoder.pendingBytes() - garbageNotYetReported(decoder, r))
                    .isLessThanOrEqualTo(MagProFrameDecoder.DEFAULT_MAX_PAYLOAD_BYTES + 4);
        }
        decoder.feed(GET_STATUS, r);
        assertThat(r.frames).last().isEqualTo(bytes(0));
        assertThat(decoder.errors()).isEqualTo(r.errors.size());
        assertThat(decoder.framesDecoded()).isEqualTo(r.frames.size());
    }

    @Property(tries = 300)
    void anyPayloadsComeOutAsTheyWentInWhateverTheChunking(
            @ForAll @Size(min = 1, max = 6) List<@From("payloads") byte[]> payloads,
            @ForAll("splits") long seed) {
        Recorder r = feed(Chunking.randomSplits(seed), new MagProFrameDecoder(255), wire(payloads));
        assertThat(r.errors).isEmpty();
        assertThat(r.frames).containsExactlyElementsOf(payloads);
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<Byte> skewed = Arbitraries.oneOf(Arbitraries.of((byte) 0xFE, (byte) 0xFF), Arbitraries.bytes());
        return skewed.array(byte[].class).ofMinSize(1).ofMaxSize(255);
    }

    @Provide
    Arbitrary<Long> splits() {
        return Arbitraries.longs();
    }

    private static int garbageNotYetReported(MagProFrameDecoder decoder, Recorder r) {
        long reported = r.errors.stream().mapToLong(FramingException::discardedBytes).sum();
        return (int) (decoder.discardedBytes() - reported);
    }

    static Recorder feed(Chunking chunking, MagProFrameDecoder decoder, byte[] stream) {
        Recorder r = new Recorder();
        for (byte[] chunk : chunking.chunks(stream)) {
            decoder.feed(chunk, r);
        }
        return r;
    }

    static byte[] wire(List<byte[]> payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        payloads.forEach(p -> out.writeBytes(MagProFrameEncoder.encode(p)));
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static final class Recorder implements FrameSink {
        final List<byte[]> frames = new ArrayList<>();
        final List<MagProFrameException> errors = new ArrayList<>();

        @Override
        public void onFrame(byte[] payload) {
            frames.add(payload);
        }

        @Override
        public void onError(FramingException error) {
            errors.add((MagProFrameException) error);
        }

        List<Problem> problems() {
            return errors.stream().map(MagProFrameException::problem).toList();
        }
    }
}
