package org.excitrack.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CobsTest {

    /** Byte arrays up to a few thousand bytes, built from runs that stress COBS's 254-byte groups. */
    @Provide
    static Arbitrary<byte[]> blocks() {
        Arbitrary<byte[]> zeros = Arbitraries.integers().between(1, 3).map(byte[]::new);
        Arbitrary<byte[]> nonZeroRun = Arbitraries.oneOf(
                        Arbitraries.of(1, 253, 254, 255, 256, 508, 509),
                        Arbitraries.integers().between(1, 600))
                .flatMap(n -> Arbitraries.bytes().filter(b -> b != 0).array(byte[].class).ofSize(n));
        Arbitrary<byte[]> anything = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, nonZeroRun), net.jqwik.api.Tuple.of(2, zeros),
                        net.jqwik.api.Tuple.of(2, anything))
                .list().ofMaxSize(12)
                .map(parts -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    parts.forEach(out::writeBytes);
                    return Arrays.copyOf(out.toByteArray(), Math.min(out.size(), 4000));
                });
    }

    @Property(tries = 500)
    void decodingInvertsEncoding(@ForAll("blocks") byte[] data) {
        byte[] encoded = Cobs.encode(data, 0, data.length);

        assertThat(Cobs.decode(encoded, 0, encoded.length)).isEqualTo(data);
    }

    @Property(tries = 500)
    void encodedOutputHasNoZeroAndStaysWithinTheBound(@ForAll("blocks") byte[] data) {
        byte[] encoded = Cobs.encode(data, 0, data.length);

        for (byte b : encoded) {
            assertThat(b).isNotZero();
        }
        assertThat(encoded.length).isBetween(data.length + 1, Cobs.maxEncodedLength(data.length));
    }

    @Property(tries = 200)
    void encodingHonoursOffsetAndLength(@ForAll("blocks") byte[] data) {
        byte[] padded = new byte[data.length + 6];
        Arrays.fill(padded, (byte) 0x5a);
        System.arraycopy(data, 0, padded, 3, data.length);

        assertThat(Cobs.encode(padded, 3, data.length)).isEqualTo(Cobs.encode(data, 0, data.length));
    }

    // ---- hand-checked examples: code byte = 1 + number of data bytes up to the next zero ----

    @Example
    void handCheckedExamples() {
        assertThat(enc()).containsExactly(0x01);
        assertThat(enc(0x00)).containsExactly(0x01, 0x01);
        assertThat(enc(0x00, 0x00)).containsExactly(0x01, 0x01, 0x01);
        assertThat(enc(0x11, 0x22, 0x00, 0x33)).containsExactly(0x03, 0x11, 0x22, 0x02, 0x33);
        assertThat(enc(0x11, 0x22, 0x33, 0x44)).containsExactly(0x05, 0x11, 0x22, 0x33, 0x44);
        assertThat(enc(0x11, 0x00, 0x00, 0x00)).containsExactly(0x02, 0x11, 0x01, 0x01, 0x01);
        // the HEARTBEAT frame of the specification's worked example: payload ‖ CRC
        assertThat(enc(0x01, 0x07, 0x07, 0x00, 0x53, 0x4c, 0xbf, 0x9b))
                .containsExactly(0x04, 0x01, 0x07, 0x07, 0x05, 0x53, 0x4c, 0xbf, 0x9b);
    }

    @Example
    void aFullGroupOf254NonZeroBytesIsFollowedByAnEmptyGroup() {
        byte[] data = run(254, 1);
        int[] encoded = enc(data);

        // the paper's form: 0xFF + 254 bytes, then the final group "01" (no data, no implied zero)
        assertThat(encoded).hasSize(256);
        assertThat(encoded[0]).isEqualTo(0xFF);
        assertThat(encoded[255]).isEqualTo(0x01);
    }

    @Example
    void aRunOf255NonZeroBytesSpillsIntoASecondGroup() {
        byte[] data = run(255, 1);
        int[] encoded = enc(data);

        // 0xFF + bytes 0..253, then 0x02 + byte 254
        assertThat(encoded).hasSize(257);
        assertThat(encoded[0]).isEqualTo(0xFF);
        assertThat(encoded[255]).isEqualTo(0x02);
        assertThat(encoded[256]).isEqualTo(data[254] & 0xFF);
    }

    @Example
    void theDecoderAlsoAcceptsTheShortFormThatOmitsTheFinalEmptyGroup() {
        byte[] data = run(254, 1);
        byte[] shortForm = new byte[255];
        shortForm[0] = (byte) 0xFF;
        System.arraycopy(data, 0, shortForm, 1, 254);

        assertThat(Cobs.decode(shortForm, 0, shortForm.length)).isEqualTo(data);
    }

    @Example
    void aCodeThatRunsPastTheEndIsRefusedNamingItsOffset() {
        byte[] block = {0x02, 0x11, 0x05, 0x22};

        assertThatThrownBy(() -> Cobs.decode(block, 0, block.length))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("COBS code 0x5 at offset 2 runs past the end of the 4-byte block");
    }

    @Example
    void aZeroInsideABlockIsRefusedNamingItsOffset() {
        assertThatThrownBy(() -> Cobs.decode(new byte[] {0x03, 0x11, 0x00}, 0, 3))
                .hasMessage("zero byte inside a COBS block at offset 2");
        assertThatThrownBy(() -> Cobs.decode(new byte[] {0x01, 0x00, 0x01}, 0, 3))
                .hasMessage("zero byte inside a COBS block at offset 1");
    }

    @Example
    void theBoundIsOneBytePer254PlusOne() {
        assertThat(List.of(Cobs.maxEncodedLength(0), Cobs.maxEncodedLength(253), Cobs.maxEncodedLength(254),
                Cobs.maxEncodedLength(65_539))).containsExactly(1, 254, 256, 65_798);
    }

    private static byte[] run(int n, int firstValue) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ((firstValue + i) % 255 + 1);
        }
        return b;
    }

    private static int[] enc(int... data) {
        byte[] b = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            b[i] = (byte) data[i];
        }
        return enc(b);
    }

    private static int[] enc(byte[] data) {
        byte[] e = Cobs.encode(data, 0, data.length);
        int[] out = new int[e.length];
        for (int i = 0; i < e.length; i++) {
            out[i] = e[i] & 0xFF;
        }
        return out;
    }
}
