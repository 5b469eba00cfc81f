package org.excitrack.codec.magventure;

/**
 * Reads a MagPro payload field by field. MagPro sends multi-byte values big-endian, except the grid positions
 * in message 9 (little-endian); errors name the message, the field and where the payload ran short.
 */
final class PayloadReader {
    private final byte[] payload;
    private final String message;
    private int position;

    PayloadReader(byte[] payload, String message) {
        this.payload = payload;
        this.message = message;
        this.position = 1;
    }

    int u8(String field) {
        need(1, field);
        return payload[position++] & 0xFF;
    }

    int u16(String field) {
        need(2, field);
        int v = (payload[position] & 0xFF) << 8 | payload[position + 1] & 0xFF;
        position += 2;
        return v;
    }

    int s16(String field) {
        return (short) u16(field);
    }

    int u16LittleEndian(String field) {
        need(2, field);
        int v = payload[position] & 0xFF | (payload[position + 1] & 0xFF) << 8;
        position += 2;
        return v;
    }

    int u24(String field) {
        need(3, field);
        int v = (payload[position] & 0xFF) << 16 | (payload[position + 1] & 0xFF) << 8 | payload[position + 2] & 0xFF;
        position += 3;
        return v;
    }

    long u32(String field) {
        need(4, field);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = v << 8 | payload[position + i] & 0xFF;
        }
        position += 4;
        return v;
    }

    void skip(int bytes, String field) {
        need(bytes, field);
        position += bytes;
    }

    MagProStatusByte statusByte() {
        try {
            return MagProStatusByte.fromByte(u8("status byte"));
        } catch (IllegalArgumentException e) {
            throw new MagProProtocolException(message + ": " + e.getMessage());
        }
    }

    private void need(int bytes, String field) {
        if (position + bytes > payload.length) {
            throw new MagProProtocolException(message + " of " + payload.length + " bytes ends before its " + field
                    + " (byte " + position + ")");
        }
    }
}
