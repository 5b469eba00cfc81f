package org.excitrack.codec.magstim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;

/**
 * Turns the bytes a Magstim sends into typed replies, fed in chunks of any size. The protocol has no start byte
 * and no length field, so the decoder must know which commands are awaiting replies, in the order they were
 * written ({@link #expect}); it then reads each reply's fixed length (or up to the NUL of the Rapid² version).
 *
 * <p>Bytes before a reply's echo, and bytes that arrive with nothing awaited, are not part of any reply: they
 * are handed to {@link Sink#onIgnoredByte} (line noise, a reply that came too late) so the caller can count and
 * report them. Everything that claims to be a reply is checked: its check byte, then its fields. Memory is
 * bounded: a reply never holds more than {@code maxReplyBytes}.
 *
 * <p>Not thread-safe: one reader feeds, and callers serialise {@link #expect} with feeding.
 */
public final class MagstimReplyDecoder {
    /** Longest reply kept: far above the 24-byte Rapid² parameters, enough for any version text. */
    public static final int DEFAULT_MAX_REPLY_BYTES = 64;

    /** Where decoded replies go. */
    public interface Sink {
        /** A complete, checked reply to {@code command} (possibly one of the error replies). */
        void onReply(MagstimCommand command, MagstimReply reply);

        /** Bytes that claimed to answer {@code command} but do not check out; the command is no longer awaited. */
        void onError(MagstimCommand command, MagstimProtocolException error);

        /** A byte that belongs to no reply. */
        void onIgnoredByte(int value);
    }

    private final Deque<MagstimCommand> awaiting = new ArrayDeque<>();
    private final byte[] reply;
    private int length;
    private boolean terminatorSeen;

    public MagstimReplyDecoder() {
        this(DEFAULT_MAX_REPLY_BYTES);
    }

    public MagstimReplyDecoder(int maxReplyBytes) {
        if (maxReplyBytes < 24) {
            throw new IllegalArgumentException("maxReplyBytes " + maxReplyBytes
                    + " is below the longest fixed reply (24 bytes)");
        }
        this.reply = new byte[maxReplyBytes];
    }

    /** Registers a command just written; its reply is expected after those of the commands before it. */
    public void expect(MagstimCommand command) {
        awaiting.addLast(command);
    }

    /** The command whose reply is being read or is next, if any. */
    public Optional<MagstimCommand> awaited() {
        return Optional.ofNullable(awaiting.peekFirst());
    }

    public int awaitedCount() {
        return awaiting.size();
    }

    /** Bytes of the oldest awaited reply received so far. */
    public int partialReplyBytes() {
        return length;
    }

    /** The oldest awaited reply's bytes so far, for messages. */
    public byte[] partialReply() {
        return Arrays.copyOf(reply, length);
    }

    /**
     * Stops awaiting the oldest command (its reply did not come in time) and drops what arrived of it. Replies to
     * later commands are still awaited.
     */
    public Optional<MagstimCommand> abandonOldest() {
        length = 0;
        terminatorSeen = false;
        return Optional.ofNullable(awaiting.pollFirst());
    }

    /** Forgets every awaited command and any partial reply. */
    public void reset() {
        awaiting.clear();
        length = 0;
        terminatorSeen = false;
    }

    public void feed(byte[] bytes, Sink sink) {
        feed(bytes, 0, bytes.length, sink);
    }

    public void feed(byte[] bytes, int offset, int count, Sink sink) {
        for (int i = offset; i < offset + count; i++) {
            accept(bytes[i] & 0xFF, sink);
        }
    }

    private void accept(int value, Sink sink) {
        MagstimCommand command = awaiting.peekFirst();
        if (command == null) {
            sink.onIgnoredByte(value);
            return;
        }
        if (length == 0) {
            if (value == '?') {
                awaiting.pollFirst();
                sink.onReply(command, new MagstimReply.UnknownCommand());
                return;
            }
            if (value != command.code()) {
                sink.onIgnoredByte(value);
                return;
            }
        }
        reply[length++] = (byte) value;
        if (isComplete(command, value)) {
            byte[] whole = Arrays.copyOf(reply, length);
            awaiting.pollFirst();
            length = 0;
            terminatorSeen = false;
            deliver(command, whole, sink);
        } else if (length == reply.length) {
            awaiting.pollFirst();
            length = 0;
            terminatorSeen = false;
            sink.onError(command, new MagstimProtocolException(MagstimProtocolException.Kind.TOO_LONG,
                    "reply to " + MagstimBytes.describeByte(command.code()) + " ran past " + reply.length
                            + " bytes without its NUL terminator"));
        }
    }

    private boolean isComplete(MagstimCommand command, int value) {
        if (length < 2) {
            return false;
        }
        int second = reply[1] & 0xFF;
        if (second == '?' || second == 'S') {
            return length == 3;
        }
        if (command.replyLength() != MagstimCommand.NUL_TERMINATED) {
            return length == command.replyLength();
        }
        if (terminatorSeen) {
            return true;
        }
        terminatorSeen = value == 0;
        return false;
    }

    private static void deliver(MagstimCommand command, byte[] whole, Sink sink) {
        int expected = MagstimChecksum.of(whole, 0, whole.length - 1);
        int received = whole[whole.length - 1] & 0xFF;
        if (expected != received) {
            sink.onError(command, new MagstimProtocolException(MagstimProtocolException.Kind.CHECKSUM,
                    "reply to " + MagstimBytes.describeByte(command.code()) + " had checksum "
                            + MagstimBytes.hexByte(received) + ", expected " + MagstimBytes.hexByte(expected)
                            + " (" + MagstimBytes.render(whole) + ")"));
            return;
        }
        try {
            sink.onReply(command, parse(command, whole));
        } catch (MagstimProtocolException e) {
            sink.onError(command, e);
        }
    }

    /** A checked reply's fields. */
    static MagstimReply parse(MagstimCommand command, byte[] m) {
        char code = command.code();
        int second = m[1] & 0xFF;
        if (m.length == 3 && second == '?') {
            return new MagstimReply.BadData(code);
        }
        if (m.length == 3 && second == 'S') {
            return new MagstimReply.Conflict(code);
        }
        if (command instanceof MagstimCommand.GetVersion) {
            return new MagstimReply.Version(new String(m, 1, m.length - 3, StandardCharsets.ISO_8859_1));
        }
        InstrumentStatus status = new InstrumentStatus(second);
        if (command instanceof MagstimCommand.GetParameters) {
            return new MagstimReply.Parameters(status, digits(m, 2, 3, command, "power A"),
                    digits(m, 5, 3, command, "power B"), digits(m, 8, 3, command, "interval"));
        }
        if (command instanceof MagstimCommand.GetTemperature) {
            return new MagstimReply.Temperature(status, digits(m, 2, 3, command, "winding 1 temperature"),
                    digits(m, 5, 3, command, "winding 2 temperature"));
        }
        if (command instanceof MagstimCommand.GetSystemMode) {
            return new MagstimReply.SystemMode(status, (char) (m[2] & 0xFF));
        }
        if (command instanceof MagstimCommand.GetSystemStatus) {
            return new MagstimReply.SystemStatus(status, m[2] & 0xFF, m[3] & 0xFF, m[4] & 0xFF);
        }
        if (command instanceof MagstimCommand.GetRapidParameters p) {
            int[] w = p.layout().widths();
            String[] names = {"power", "frequency", "pulses", "duration", "wait"};
            int[] values = new int[w.length];
            int at = 3;
            for (int i = 0; i < w.length; i++) {
                values[i] = digits(m, at, w[i], command, names[i]);
                at += w[i];
            }
            return new MagstimReply.RapidParameters(status, m[2] & 0xFF, p.layout(), values[0], values[1],
                    values[2], values[3], values[4]);
        }
        return new MagstimReply.Status(code, status);
    }

    private static int digits(byte[] m, int offset, int width, MagstimCommand command, String field) {
        int v = AsciiDigits.decode(m, offset, width);
        if (v < 0) {
            throw new MagstimProtocolException(MagstimProtocolException.Kind.MALFORMED, "reply to "
                    + MagstimBytes.describeByte(command.code()) + " has '" + MagstimBytes.render(m, offset, width)
                    + "' where the " + field + " digits belong (" + MagstimBytes.render(m) + ")");
        }
        return v;
    }
}
