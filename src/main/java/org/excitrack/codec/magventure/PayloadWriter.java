package org.excitrack.codec.magventure;

import java.io.ByteArrayOutputStream;

/** Builds a MagPro payload: the id first, then fields, multi-byte values big-endian unless named otherwise. */
final class PayloadWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PayloadWriter(int id) {
        out.write(id);
    }

    PayloadWriter u8(int value) {
        out.write(value);
        return this;
    }

    PayloadWriter u16(int value) {
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    PayloadWriter u16LittleEndian(int value) {
        out.write(value);
        out.write(value >>> 8);
        return this;
    }

    PayloadWriter u24(int value) {
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    PayloadWriter u32(long value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
