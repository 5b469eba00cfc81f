package org.excitrack.codec;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/** Little-endian reader whose errors name the message, the field and the offset that ran short. */
final class WireReader {
    private final byte[] bytes;
    private final String message;
    private int position;

    WireReader(byte[] bytes, int offset, String message) {
        this.bytes = bytes;
        this.position = offset;
        this.message = message;
    }

    int u8(String field) {
        need(1, field);
        return bytes[position++] & 0xFF;
    }

    int u16(String field) {
        need(2, field);
        int v = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8;
        position += 2;
        return v;
    }

    long u32(String field) {
        need(4, field);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (long) (bytes[position + i] & 0xFF) << (8 * i);
        }
        position += 4;
        return v;
    }

    long i64(String field) {
        need(8, field);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) (bytes[position + i] & 0xFF) << (8 * i);
        }
        position += 8;
        return v;
    }

    short[] i16Array(int count, String field) {
        need(2L * count, field);
        short[] out = new short[count];
        for (int i = 0; i < count; i++) {
            out[i] = (short) ((bytes[position] & 0xFF) | bytes[position + 1] << 8);
            position += 2;
        }
        return out;
    }

    String string(String field) {
        int n = u16(field + " length");
        need(n, field);
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, position, n)).toString();
            position += n;
            return s;
        } catch (CharacterCodingException e) {
            throw new ProtocolException(message + ": " + field + " at offset " + position + " is not valid UTF-8");
        }
    }

    void expectEnd() {
        if (position != bytes.length) {
            throw new ProtocolException(message + ": " + (bytes.length - position)
                    + " unexpected bytes after the body at offset " + position);
        }
    }

    ProtocolException invalid(String what) {
        return new ProtocolException(message + ": " + what);
    }

    private void need(long n, String field) {
        if (position + n > bytes.length) {
            throw new ProtocolException(message + " body truncated: " + field + " needs " + n + " byte(s) at offset "
                    + position + " but the frame has " + (bytes.length - position) + " left");
        }
    }
}
