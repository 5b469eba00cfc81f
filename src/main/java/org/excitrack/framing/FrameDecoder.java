package org.excitrack.framing;

import java.util.Arrays;

/**
 * Incremental, bounded, resynchronising decoder for frames made by {@link FrameEncoder}.
 *
 * <p>Bytes may arrive in any chunking. Every 0x00 ends a frame; a block that fails COBS decoding or the CRC
 * is reported and dropped, and decoding resumes after it, so one corrupted frame costs exactly that frame.
 * A run of more than {@link FrameEncoder#MAX_ENCODED_BYTES} bytes without a delimiter is reported once and
 * skipped up to the next delimiter: memory use never exceeds that bound. Empty blocks (two delimiters in a
 * row) are ignored, which lets a sender flush a receiver's partial garbage by sending a lone 0x00.
 *
 * <p>Not thread-safe: one reader thread owns a decoder.
 */
public final class FrameDecoder {
    private final int maxEncodedBytes;
    private final byte[] buffer;
    private int length;
    private int overflowed;

    public FrameDecoder() {
        this(FrameEncoder.MAX_ENCODED_BYTES);
    }

    public FrameDecoder(int maxEncodedBytes) {
        if (maxEncodedBytes < Cobs.maxEncodedLength(FrameEncoder.CRC_BYTES + 1)) {
            throw new IllegalArgumentException("max encoded frame " + maxEncodedBytes + " bytes is too small");
        }
        this.maxEncodedBytes = maxEncodedBytes;
        this.buffer = new byte[maxEncodedBytes];
    }

    public void feed(byte[] data, FrameSink sink) {
        feed(data, 0, data.length, sink);
    }

    public void feed(byte[] data, int offset, int count, FrameSink sink) {
        for (int i = offset; i < offset + count; i++) {
            byte b = data[i];
            if (b == 0) {
                endOfBlock(sink);
            } else if (overflowed > 0) {
                overflowed++;
            } else if (length == maxEncodedBytes) {
                overflowed = length + 1;
                length = 0;
            } else {
                buffer[length++] = b;
            }
        }
    }

    /** Bytes held while waiting for a delimiter. */
    public int pendingBytes() {
        return overflowed > 0 ? 0 : length;
    }

    private void endOfBlock(FrameSink sink) {
        if (overflowed > 0) {
            int dropped = overflowed + 1;
            overflowed = 0;
            sink.onError(new FrameTooLongException(dropped - 1 + " bytes without a delimiter exceed the maximum frame of "
                    + maxEncodedBytes + " encoded bytes; dropped them", dropped));
            return;
        }
        int blockLength = length;
        length = 0;
        if (blockLength == 0) {
            return;
        }
        byte[] decoded;
        try {
            decoded = Cobs.decode(buffer, 0, blockLength);
        } catch (IllegalArgumentException e) {
            sink.onError(new CorruptedFrameException("invalid COBS block of " + blockLength + " bytes: "
                    + e.getMessage(), blockLength + 1));
            return;
        }
        if (decoded.length <= FrameEncoder.CRC_BYTES) {
            sink.onError(new CorruptedFrameException("frame of " + decoded.length
                    + " bytes is shorter than its CRC plus one byte", blockLength + 1));
            return;
        }
        int payloadLength = decoded.length - FrameEncoder.CRC_BYTES;
        int expected = FrameEncoder.crc32c(decoded, 0, payloadLength);
        int actual = (decoded[payloadLength] & 0xFF) | (decoded[payloadLength + 1] & 0xFF) << 8
                | (decoded[payloadLength + 2] & 0xFF) << 16 | (decoded[payloadLength + 3] & 0xFF) << 24;
        if (expected != actual) {
            sink.onError(new CorruptedFrameException(String.format(
                    "CRC-32C mismatch on a %d-byte frame: received 0x%08x, computed 0x%08x",
                    payloadLength, actual, expected), blockLength + 1));
            return;
        }
        sink.onFrame(Arrays.copyOf(decoded, payloadLength));
    }
}
