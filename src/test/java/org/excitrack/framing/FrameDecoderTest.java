package org.excitrack.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.excitrack.testing.Chunking;

class FrameDecoderTest {
    private final FrameEncoder encoder = new FrameEncoder();

    @Provide
    static Arbitrary<byte[]> payloads() {
        Arbitrary<byte[]> nonZero = Arbitraries.bytes().filter(b -> b != 0).array(byte[].class).ofMinSize(1)
                .ofMaxSize(3000);
        Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(3000);
        Arbitrary<byte[]> fullGroups = Arbitraries.of(253, 254, 255, 508, 509)
                .map(n -> {
                    byte[] b = new byte[n];
                    Arrays.fill(b, (byte) 0x7e);
                    return b;
                });
        return Arbitraries.oneOf(nonZero, any, fullGroups);
    }

    @Provide
    static Arbitrary<Chunking> chunkings() {
        return Arbitraries.oneOf(Arbitraries.of(Chunking.WHOLE, Chunking.ONE_BYTE_AT_A_TIME),
                Arbitraries.longs().map(Chunking::randomSplits));
    }

    @Property(tries = 300)
    void framesComeOutAsTheyWentInWhateverTheChunking(
            @ForAll @Size(min = 1, max = 5) List<@net.jqwik.api.From("payloads") byte[]> payloads,
            @ForAll("chunkings") Chunking chunking) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        payloads.forEach(p -> wire.writeBytes(encoder.encode(p)));

        Recorder r = new Recorder();
        chunking.feed(wire.toByteArray(), new FrameDecoder(), r);

        assertThat(r.errors).isEmpty();
        assertThat(r.frames).hasSize(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            assertThat(r.frames.get(i)).isEqualTo(payloads.get(i));
        }
    }

    @Property(tries = 300)
    void theDecoderNeverHoldsMoreThanItsMaximum(
            @ForAll @Size(max = 5000) byte[] stream, @ForAll @IntRange(min = 16, max = 600) int max,
            @ForAll long seed) {
        FrameDecoder decoder = new FrameDecoder(max);
        Recorder r = new Recorder();
        for (byte[] chunk : Chunking.randomSplits(seed).chunks(stream)) {
            decoder.feed(chunk, r);
            assertThat(decoder.pendingBytes()).isLessThanOrEqualTo(max);
        }
        // every dropped byte is accounted for: errors count delimiters they consumed, frames theirs
        long zeros = countZeros(stream);
        assertThat(r.frames.size() + r.errors.size()).isLessThanOrEqualTo((int) zeros);
    }

    @Property(tries = 1000)
    void corruptingAnyOneByteIsDetectedOrChangesNothing(
            @ForAll("payloads") byte[] payload, @ForAll @IntRange(min = 0, max = 100_000) int where,
            @ForAll byte replacement) {
        byte[] frame = encoder.encode(payload);
        int at = where % frame.length;
        byte[] corrupted = frame.clone();
        corrupted[at] = replacement;
        byte[] next = "next".getBytes(StandardCharsets.US_ASCII);

        Recorder r = new Recorder();
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(corrupted, r);
        decoder.feed(new byte[] {0}, r); // a lone delimiter flushes a frame whose own delimiter was hit
        decoder.feed(encoder.encode(next), r);

        if (replacement == frame[at]) {
            assertThat(r.frames).containsExactly(payload, next);
        } else {
            assertThat(r.frames).as("a corrupted frame never yields anything but the next frame")
                    .containsExactly(next);
            assertThat(r.errors).as("the corruption is reported").isNotEmpty();
        }
    }

    @Property(tries = 500)
    void afterAnyGarbageTheNextFrameIsDecoded(
            @ForAll @Size(max = 3000) byte[] garbage, @ForAll @Size(min = 1, max = 200) byte[] payload,
            @ForAll boolean smallDecoder, @ForAll long seed) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(garbage);
        wire.write(0);
        wire.writeBytes(encoder.encode(payload));

        Recorder r = new Recorder();
        FrameDecoder decoder = smallDecoder ? new FrameDecoder(256) : new FrameDecoder();
        Chunking.randomSplits(seed).feed(wire.toByteArray(), decoder, r);

        assertThat(r.frames).isNotEmpty();
        assertThat(r.frames.get(r.frames.size() - 1)).isEqualTo(payload);
        assertThat(r.lastWasFrame).isTrue();
        assertThat(decoder.pendingBytes()).isZero();
    }

    // ---- examples ----

    @Example
    void theCrcIsCrc32cWithItsStandardCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);

        assertThat(FrameEncoder.crc32c(check, 0, check.length)).isEqualTo(0xE3069283);
    }

    @Example
    void aFrameIsPayloadAndLittleEndianCrcCobsEncodedThenADelimiter() {
        // the specification's worked example: HEARTBEAT, sequence 7; CRC-32C(01 07 07 00) = 0x9bbf4c53
        byte[] payload = {0x01, 0x07, 0x07, 0x00};

        assertThat(FrameEncoder.crc32c(payload, 0, 4)).isEqualTo(0x9bbf4c53);
        assertThat(encoder.encode(payload)).containsExactly(0x04, 0x01, 0x07, 0x07, 0x05, 0x53, 0x4c, 0xbf,
                0x9b, 0x00);
    }

    @Example
    void emptyBlocksAreIgnoredSoALoneDelimiterFlushes() {
        Recorder r = new Recorder();
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(new byte[] {0x13, 0x37}, r);
        assertThat(decoder.pendingBytes()).isEqualTo(2);

        decoder.feed(new byte[] {0, 0, 0}, r);

        assertThat(r.frames).isEmpty();
        assertThat(r.errors).singleElement().isInstanceOf(CorruptedFrameException.class);
        assertThat(r.errors.get(0).discardedBytes()).isEqualTo(3);
        assertThat(decoder.pendingBytes()).isZero();
    }

    @Example
    void aBlockOfExactlyTheMaximumIsDecodedAndOneMoreIsTooLong() {
        byte[] atMax = new byte[17];
        Arrays.fill(atMax, 0, 16, (byte) 0x01);
        byte[] overMax = new byte[18];
        Arrays.fill(overMax, 0, 17, (byte) 0x01);

        Recorder r = new Recorder();
        FrameDecoder decoder = new FrameDecoder(16);
        decoder.feed(atMax, r);
        decoder.feed(overMax, r);

        assertThat(r.errors).hasSize(2);
        assertThat(r.errors.get(0)).isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("CRC-32C mismatch");
        assertThat(r.errors.get(1)).isInstanceOf(FrameTooLongException.class)
                .hasMessage("17 bytes without a delimiter exceed the maximum frame of 16 encoded bytes; "
                        + "dropped them");
        assertThat(r.errors.get(1).discardedBytes()).isEqualTo(18);
    }

    @Example
    void aTooLongRunIsReportedOnceWhenItsDelimiterArrives() {
        Recorder r = new Recorder();
        FrameDecoder decoder = new FrameDecoder(16);
        for (int i = 0; i < 1000; i++) {
            decoder.feed(new byte[] {0x42}, r);
            assertThat(decoder.pendingBytes()).isLessThanOrEqualTo(16);
        }
        assertThat(r.errors).isEmpty();

        decoder.feed(new byte[] {0}, r);
        decoder.feed(encoder.encode(new byte[] {1, 2, 3}), r);

        assertThat(r.errors).singleElement().isInstanceOf(FrameTooLongException.class);
        assertThat(r.frames).singleElement().isEqualTo(new byte[] {1, 2, 3});
    }

    @Example
    void theLargestPayloadFitsTheLargestFrame() {
        byte[] payload = new byte[FrameEncoder.MAX_PAYLOAD_BYTES];
        Arrays.fill(payload, (byte) 0x33);

        byte[] frame = encoder.encode(payload);
        Recorder r = new Recorder();
        new FrameDecoder().feed(frame, r);

        assertThat(frame.length - 1).isLessThanOrEqualTo(FrameEncoder.MAX_ENCODED_BYTES);
        assertThat(r.frames).singleElement().isEqualTo(payload);
    }

    @Example
    void theEncoderRefusesPayloadsNoReceiverWouldAccept() {
        assertThatThrownBy(() -> encoder.encode(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one byte");
        assertThatThrownBy(() -> encoder.encode(new byte[FrameEncoder.MAX_PAYLOAD_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payload of 65536 bytes exceeds the maximum of 65535");
    }

    @Example
    void aFrameOfOnlyACrcIsCorrupted() {
        Recorder r = new Recorder();
        new FrameDecoder().feed(new byte[] {0x05, 0x01, 0x02, 0x03, 0x04, 0x00}, r);

        assertThat(r.errors).hasSize(1);
        assertThat(r.errors.get(0)).isInstanceOf(CorruptedFrameException.class)
                .hasMessage("frame of 4 bytes is shorter than its CRC plus one byte");
    }

    @Example
    void aDecoderTooSmallForAnyFrameIsRefused() {
        assertThatThrownBy(() -> new FrameDecoder(5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static long countZeros(byte[] b) {
        long n = 0;
        for (byte x : b) {
            if (x == 0) {
                n++;
            }
        }
        return n;
    }

    private static final class Recorder implements FrameSink {
        final List<byte[]> frames = new ArrayList<>();
        final List<FramingException> errors = new ArrayList<>();
        boolean lastWasFrame;

        @Override
        public void onFrame(byte[] payload) {
            frames.add(payload);
            lastWasFrame = true;
        }

        @Override
        public void onError(FramingException error) {
            errors.add(error);
            lastWasFrame = false;
        }
    }
}
