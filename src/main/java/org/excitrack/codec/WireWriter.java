package org.excitrack.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Little-endian writer that refuses values outside their field's range instead of truncating them. */
final class WireWriter {
    private byte[] bytes = new byte[64];
    private int length;

    WireWriter u8(long v, String field) {
        check(v, 0xFFL, field);
        ensure(1);
        bytes[length++] = (byte) v;
        return this;
    }

    WireWriter u16(long v, String field) {
        check(v, 0xFFFFL, field);
        ensure(2);
        bytes[length++] = (byte) v;
        bytes[length++] = (byte) (v >>> 8);
        return this;
    }

    WireWriter u32(long v, String field) {
        check(v, 0xFFFF_FFFFL, field);
        return raw32(v);
    }

    WireWriter i16(short v) {
        ensure(2);
        bytes[length++] = (byte) v;
        bytes[length++] = (byte) (v >>> 8);
        return this;
    }

    WireWriter i64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[length++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    /** UTF-8 with a u16 byte count. */
    WireWriter string(String s, String field) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        u16(utf8.length, field + " length");
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private WireWriter raw32(long v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            bytes[length++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    private static void check(long v, long max, String field) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(field + " = " + v + " does not fit its wire field (0.." + max + ")");
        }
    }

    private void ensure(int n) {
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
        }
    }
}
