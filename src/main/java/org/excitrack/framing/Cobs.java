package org.excitrack.framing;

import java.util.Arrays;

/**
 * Consistent Overhead Byte Stuffing (Cheshire &amp; Baker, 1999): removes every 0x00 from a block at a cost of
 * at most one byte per 254, so 0x00 can delimit frames and a receiver resynchronises at the next one.
 */
public final class Cobs {
    private Cobs() {
    }

    /** The largest encoded size of {@code n} payload bytes, excluding the delimiter. */
    public static int maxEncodedLength(int n) {
        return n + n / 254 + 1;
    }

    public static byte[] encode(byte[] data, int offset, int length) {
        byte[] out = new byte[maxEncodedLength(length)];
        int codeIndex = 0;
        int write = 1;
        int code = 1;
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            if (b == 0) {
                out[codeIndex] = (byte) code;
                codeIndex = write++;
                code = 1;
            } else {
                out[write++] = b;
                code++;
                if (code == 0xFF) {
                    out[codeIndex] = (byte) code;
                    codeIndex = write++;
                    code = 1;
                }
            }
        }
        out[codeIndex] = (byte) code;
        return Arrays.copyOf(out, write);
    }

    /**
     * Decodes one block (without its delimiter).
     *
     * @throws IllegalArgumentException naming the offset when the block holds a zero or a code that runs past
     *     its end
     */
    public static byte[] decode(byte[] data, int offset, int length) {
        byte[] out = new byte[length];
        int write = 0;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int code = data[i] & 0xFF;
            if (code == 0) {
                throw new IllegalArgumentException("zero byte inside a COBS block at offset " + (i - offset));
            }
            if (i + code > end) {
                throw new IllegalArgumentException("COBS code 0x" + Integer.toHexString(code) + " at offset "
                        + (i - offset) + " runs past the end of the " + length + "-byte block");
            }
            i++;
            for (int k = 1; k < code; k++) {
                byte b = data[i++];
                if (b == 0) {
                    throw new IllegalArgumentException("zero byte inside a COBS block at offset " + (i - 1 - offset));
                }
                out[write++] = b;
            }
            if (code < 0xFF && i < end) {
                out[write++] = 0;
            }
        }
        return Arrays.copyOf(out, write);
    }
}
