package org.excitrack.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class Crc8MaximTest {
    @Test
    void matchesTheCatalogueCheckValue() {
        assertThat(Crc8Maxim.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xA1);
    }

    @Test
    void aSingleZeroByteAndNothingAtAllGiveZero() {
        assertThat(Crc8Maxim.of(new byte[] {0})).isZero();
        assertThat(Crc8Maxim.of(new byte[0])).isZero();
    }

    @Test
    void coversOnlyTheRangeAskedFor() {
        byte[] padded = "xx123456789yy".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc8Maxim.of(padded, 2, 9)).isEqualTo(0xA1);
    }

    @Test
    void appendingTheCrcGivesZero() {
        byte[] data = {1, 60, 0};
        byte[] withCrc = {1, 60, 0, (byte) Crc8Maxim.of(data)};
        assertThat(Crc8Maxim.of(withCrc)).as("a reflected CRC with no final XOR checks to 0 over data‖crc").isZero();
    }

    @Property(tries = 200)
    void tableAgreesWithTheBitByBitDefinition(@ForAll byte[] data) {
        assertThat(Crc8Maxim.of(data)).isEqualTo(bitByBit(data));
    }

    /** x⁸+x⁵+x⁴+1 as a polynomial division, one bit at a time, least-significant bit first. */
    private static int bitByBit(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            int in = b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                boolean mix = ((crc ^ in) & 1) != 0;
                crc >>>= 1;
                if (mix) {
                    crc ^= 0x8C;
                }
                in >>>= 1;
            }
        }
        return crc;
    }
}
