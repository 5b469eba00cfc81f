package org.excitrack.framing;

/**
 * CRC-8/MAXIM (Dallas 1-Wire), the checksum of MagVenture MagPro frames: polynomial x⁸+x⁵+x⁴+1 processed
 * least-significant bit first (reflected form 0x8C), initial value 0, no final XOR. Check values: 0xA1 for
 * the ASCII bytes "123456789", 0x00 for the single byte 0x00. Stateless and thread-safe.
 */
public final class Crc8Maxim {
    private static final int REFLECTED_POLYNOMIAL = 0x8C;
    private static final int[] TABLE = table();

    private Crc8Maxim() {
    }

    public static int of(byte[] data) {
        return of(data, 0, data.length);
    }

    /** The CRC of {@code length} bytes from {@code offset}, as 0..255. */
    public static int of(byte[] data, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            crc = TABLE[(crc ^ data[i]) & 0xFF];
        }
        return crc;
    }

    /** One table entry per byte value: the register after shifting that value through eight times. */
    private static int[] table() {
        int[] t = new int[256];
        for (int value = 0; value < 256; value++) {
            int crc = value;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ REFLECTED_POLYNOMIAL : crc >>> 1;
            }
            t[value] = crc;
        }
        return t;
    }
}
