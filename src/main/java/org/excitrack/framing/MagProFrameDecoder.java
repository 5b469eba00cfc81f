package org.excitrack.framing;

import static org.excitrack.framing.MagProFrameEncoder.END_BYTE;
import static org.excitrack.framing.MagProFrameEncoder.OVERHEAD_BYTES;
import static org.excitrack.framing.MagProFrameEncoder.START_BYTE;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.excitrack.framing.MagProFrameException.Problem;

/**
 * Incremental, bounded, resynchronising decoder for MagPro frames ({@link MagProFrameEncoder}).
 *
 * <p>Bytes may arrive in any chunking. MagPro frames have no byte stuffing, so 0xFE and 0xFF can occur inside a
 * payload and a start byte is only a candidate. The decoder buffers one candidate at a time: when it fails (bad
 * length, no 0xFF where the frame should end, checksum mismatch) only its start byte is known to be wrong, so
 * decoding resumes at the next 0xFE <em>inside</em> the dropped bytes, and a real frame that arrived behind a
 * false start is still found. It is found once the false start's announced length has arrived, not earlier:
 * guessing that a complete frame inside a candidate is the real one could cut a valid frame whose payload
 * happens to hold one, and fabricate a message; a late frame only costs a timeout, which fails safe. The
 * length limit keeps that wait short. Memory never exceeds one candidate: {@code maxPayloadBytes + 4} bytes.
 *
 * <p>Every problem is reported once to the sink with what it cost, and counted. Not thread-safe: one reader
 * thread owns a decoder.
 */
public final class MagProFrameDecoder {
    /** Longer than any message a MagPro is known to send (15 bytes), short enough to resynchronise quickly. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64;

    private final int maxPayloadBytes;
    private final byte[] buffer;
    private int length;
    private int garbage;
    private long framesDecoded;
    private long discardedBytes;
    private final Map<Problem, Long> problems = new EnumMap<>(Problem.class);

    public MagProFrameDecoder() {
        this(DEFAULT_MAX_PAYLOAD_BYTES);
    }

    /** @param maxPayloadBytes the longest payload accepted, 1..255; a longer announced length is a bad frame */
    public MagProFrameDecoder(int maxPayloadBytes) {
        if (maxPayloadBytes < 1 || maxPayloadBytes > MagProFrameEncoder.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("maximum MagPro payload " + maxPayloadBytes + " bytes must lie in 1.."
                    + MagProFrameEncoder.MAX_PAYLOAD_BYTES);
        }
        this.maxPayloadBytes = maxPayloadBytes;
        this.buffer = new byte[maxPayloadBytes + OVERHEAD_BYTES];
    }

    public void feed(byte[] data, FrameSink sink) {
        feed(data, 0, data.length, sink);
    }

    public void feed(byte[] data, int offset, int count, FrameSink sink) {
        for (int i = offset; i < offset + count; i++) {
            byte b = data[i];
            if (length == 0) {
                if ((b & 0xFF) != START_BYTE) {
                    garbage++;
                    discardedBytes++;
                    continue;
                }
                reportGarbage(sink);
            }
            buffer[length++] = b;
            decodeBuffered(sink);
        }
    }

    /** Bytes held: a candidate frame not yet complete, plus garbage not yet reported. */
    public int pendingBytes() {
        return length + garbage;
    }

    public long framesDecoded() {
        return framesDecoded;
    }

    /** Bytes dropped so far: garbage, and the parts of failed candidates before the next start byte. */
    public long discardedBytes() {
        return discardedBytes;
    }

    public long errors(Problem problem) {
        return problems.getOrDefault(problem, 0L);
    }

    public long errors() {
        return problems.values().stream().mapToLong(Long::longValue).sum();
    }

    private void decodeBuffered(FrameSink sink) {
        while (length >= 2) {
            int payloadLength = buffer[1] & 0xFF;
            if (payloadLength == 0 || payloadLength > maxPayloadBytes) {
                reject(sink, Problem.BAD_LENGTH, "start byte followed by length " + payloadLength
                        + ", outside 1.." + maxPayloadBytes);
                continue;
            }
            int frameLength = payloadLength + OVERHEAD_BYTES;
            if (length < frameLength) {
                return;
            }
            if ((buffer[frameLength - 1] & 0xFF) != END_BYTE) {
                reject(sink, Problem.MISSING_END_BYTE, String.format(
                        "%d-byte frame ends in 0x%02x instead of 0xff (truncated, or a false start)", frameLength,
                        buffer[frameLength - 1] & 0xFF));
                continue;
            }
            int expected = Crc8Maxim.of(buffer, 2, payloadLength);
            int received = buffer[frameLength - 2] & 0xFF;
            if (expected != received) {
                reject(sink, Problem.BAD_CRC, String.format(
                        "CRC-8 mismatch on a %d-byte payload (id %d): received 0x%02x, computed 0x%02x",
                        payloadLength, buffer[2] & 0xFF, received, expected));
                continue;
            }
            byte[] payload = Arrays.copyOfRange(buffer, 2, 2 + payloadLength);
            framesDecoded++;
            // after a rejected candidate, bytes that arrived behind this frame are already buffered
            dropLeading(frameLength);
            sink.onFrame(payload);
            skipToStartByte(sink);
        }
    }

    /** Turns buffered bytes before the next start byte into (not yet reported) garbage. */
    private void skipToStartByte(FrameSink sink) {
        int next = 0;
        while (next < length && (buffer[next] & 0xFF) != START_BYTE) {
            next++;
        }
        if (next == 0) {
            return;
        }
        dropLeading(next);
        garbage += next;
        discardedBytes += next;
        if (length > 0) {
            reportGarbage(sink);
        }
    }

    private void dropLeading(int count) {
        System.arraycopy(buffer, count, buffer, 0, length - count);
        length -= count;
    }

    /** Drops the candidate's start byte and everything up to the next start byte in the buffer; reports it. */
    private void reject(FrameSink sink, Problem problem, String message) {
        int next = 1;
        while (next < length && (buffer[next] & 0xFF) != START_BYTE) {
            next++;
        }
        dropLeading(next);
        discardedBytes += next;
        report(sink, new MagProFrameException(problem, message + "; dropped " + next + " byte"
                + (next == 1 ? "" : "s"), next));
    }

    private void reportGarbage(FrameSink sink) {
        if (garbage == 0) {
            return;
        }
        int dropped = garbage;
        garbage = 0;
        report(sink, new MagProFrameException(Problem.GARBAGE, dropped + " byte" + (dropped == 1 ? "" : "s")
                + " outside any frame before a start byte; dropped", dropped));
    }

    private void report(FrameSink sink, MagProFrameException error) {
        problems.merge(error.problem(), 1L, Long::sum);
        sink.onError(error);
    }
}
