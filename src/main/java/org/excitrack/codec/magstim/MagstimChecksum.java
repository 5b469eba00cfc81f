package org.excitrack.codec.magstim;

/**
 * The Magstim message check byte: the low 8 bits of the sum of every preceding byte, inverted (tms.md §1.2).
 * Magstim's documents call it a CRC; it is a one's-complement 8-bit sum, so it catches a single flipped byte
 * but not two bytes swapped.
 */
public final class MagstimChecksum {
    private MagstimChecksum() {
    }

    /** The check byte (0..255) over {@code length} bytes from {@code offset}. */
    public static int of(byte[] bytes, int offset, int length) {
        int sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += bytes[i] & 0xFF;
        }
        return ~sum & 0xFF;
    }

    public static int of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    /** {@code body} followed by its check byte: a complete message. */
    public static byte[] append(byte[] body) {
        byte[] out = java.util.Arrays.copyOf(body, body.length + 1);
        out[body.length] = (byte) of(body);
        return out;
    }
}
