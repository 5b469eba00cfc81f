package org.excitrack.framing;

import java.util.zip.CRC32C;

/**
 * Turns a payload into a frame on the wire: payload ‖ CRC-32C(payload) as little-endian u32, COBS-encoded,
 * followed by one 0x00 delimiter. Stateless and thread-safe.
 */
public final class FrameEncoder {
    /** The largest payload (header and body, before the CRC) a version-1 frame may carry. */
    public static final int MAX_PAYLOAD_BYTES = 65_535;
    static final int CRC_BYTES = 4;
    /** The largest number of bytes between two delimiters that a legal frame can produce. */
    public static final int MAX_ENCODED_BYTES = Cobs.maxEncodedLength(MAX_PAYLOAD_BYTES + CRC_BYTES);

    public byte[] encode(byte[] payload) {
        if (payload.length == 0) {
            // a frame of CRC only is rejected by every receiver (FrameDecoder: "shorter than its CRC plus one byte")
            throw new IllegalArgumentException("a frame needs a payload of at least one byte");
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds the maximum of "
                    + MAX_PAYLOAD_BYTES);
        }
        byte[] withCrc = new byte[payload.length + CRC_BYTES];
        System.arraycopy(payload, 0, withCrc, 0, payload.length);
        int crc = crc32c(payload, 0, payload.length);
        withCrc[payload.length] = (byte) crc;
        withCrc[payload.length + 1] = (byte) (crc >>> 8);
        withCrc[payload.length + 2] = (byte) (crc >>> 16);
        withCrc[payload.length + 3] = (byte) (crc >>> 24);
        byte[] cobs = Cobs.encode(withCrc, 0, withCrc.length);
        byte[] frame = new byte[cobs.length + 1];
        System.arraycopy(cobs, 0, frame, 0, cobs.length);
        return frame;
    }

    static int crc32c(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }
}
