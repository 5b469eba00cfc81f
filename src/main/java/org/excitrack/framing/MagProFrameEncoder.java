package org.excitrack.framing;

/**
 * Builds MagVenture MagPro frames: {@code 0xFE, N, payload(N), CRC-8/MAXIM(payload), 0xFF}. The checksum
 * covers the payload only, not the start byte, the length or the end byte. Both directions use this format.
 * Stateless and thread-safe.
 */
public final class MagProFrameEncoder {
    public static final int START_BYTE = 0xFE;
    public static final int END_BYTE = 0xFF;
    /** Start, length, CRC and end: what a frame adds to its payload. */
    public static final int OVERHEAD_BYTES = 4;
    /** The length field is one byte. */
    public static final int MAX_PAYLOAD_BYTES = 255;

    private MagProFrameEncoder() {
    }

    public static byte[] encode(byte[] payload) {
        if (payload.length == 0) {
            // payload[0] is the command or message id: a frame without one means nothing to either side
            throw new IllegalArgumentException("a MagPro frame needs a payload of at least its id byte");
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("MagPro payload of " + payload.length
                    + " bytes does not fit the one-byte length field (at most " + MAX_PAYLOAD_BYTES + ")");
        }
        byte[] frame = new byte[payload.length + OVERHEAD_BYTES];
        frame[0] = (byte) START_BYTE;
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        frame[2 + payload.length] = (byte) Crc8Maxim.of(payload);
        frame[3 + payload.length] = (byte) END_BYTE;
        return frame;
    }
}
