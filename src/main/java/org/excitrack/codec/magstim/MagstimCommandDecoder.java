package org.excitrack.codec.magstim;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The stimulator's side: splits the host's byte stream into commands, fed in chunks of any size. Each command
 * byte has a fixed message length; a byte that starts no known command is reported alone, as a Magstim answers
 * each one with its own {@code ?} (TDb086 §7: every ENTER typed in a terminal gets a {@code ?}). Which commands a
 * particular model carries out is the device's decision, not the decoder's.
 */
public final class MagstimCommandDecoder {
    /** What the host sent, as the stimulator sees it. */
    public sealed interface HostMessage {
        /** A well-formed command with a correct check byte. */
        record Valid(MagstimCommand command) implements HostMessage {
            public Valid {
                Objects.requireNonNull(command, "command");
            }
        }

        /** A byte that starts no known command. */
        record UnknownCommand(int value) implements HostMessage {
        }

        /** A known command whose check byte is wrong. */
        record BadChecksum(char command, int received, int expected) implements HostMessage {
        }

        /** A known command with a correct check byte but data it cannot take (non-digits, an unknown mode). */
        record BadData(char command, String reason) implements HostMessage {
        }
    }

    private final RapidParameterLayout rapidLayout;
    private final byte[] message = new byte[8];
    private int length;
    private int expectedLength;

    /** @param rapidLayout how this stimulator lays out its {@code \@} reply (only a Rapid² answers it) */
    public MagstimCommandDecoder(RapidParameterLayout rapidLayout) {
        this.rapidLayout = Objects.requireNonNull(rapidLayout, "rapidLayout");
    }

    /** Total message length of the command that starts with {@code code}, or 0 if no command does. */
    public static int messageLength(int code) {
        switch (code) {
            case '@':
            case 'A':
            case 'C':
                return 5;
            case 'E':
            case 'Q':
            case 'R':
            case 'J':
            case 'F':
            case 'X':
            case 'Y':
            case 'Z':
            case 'x':
            case '\\':
            case 'N':
                return 3;
            default:
                return 0;
        }
    }

    public void feed(byte[] bytes, int offset, int count, Consumer<HostMessage> sink) {
        for (int i = offset; i < offset + count; i++) {
            accept(bytes[i] & 0xFF, sink);
        }
    }

    public void feed(byte[] bytes, Consumer<HostMessage> sink) {
        feed(bytes, 0, bytes.length, sink);
    }

    private void accept(int value, Consumer<HostMessage> sink) {
        if (length == 0) {
            expectedLength = messageLength(value);
            if (expectedLength == 0) {
                sink.accept(new HostMessage.UnknownCommand(value));
                return;
            }
        }
        message[length++] = (byte) value;
        if (length == expectedLength) {
            byte[] m = Arrays.copyOf(message, length);
            length = 0;
            sink.accept(decode(m));
        }
    }

    private HostMessage decode(byte[] m) {
        char code = (char) (m[0] & 0xFF);
        int expected = MagstimChecksum.of(m, 0, m.length - 1);
        int received = m[m.length - 1] & 0xFF;
        if (expected != received) {
            return new HostMessage.BadChecksum(code, received, expected);
        }
        switch (code) {
            case '@':
            case 'A':
            case 'C': {
                int value = AsciiDigits.decode(m, 1, 3);
                if (value < 0) {
                    return new HostMessage.BadData(code, "'" + MagstimBytes.render(m, 1, 3) + "' is not three digits");
                }
                return new HostMessage.Valid(code == '@' ? new MagstimCommand.SetPowerA(value)
                        : code == 'A' ? new MagstimCommand.SetPowerB(value) : new MagstimCommand.SetInterval(value));
            }
            case 'E': {
                BaseMode mode = BaseMode.fromCode(m[1] & 0xFF);
                return mode == null ? new HostMessage.BadData(code, "mode byte " + MagstimBytes.describeByte(m[1])
                        + " is none of A (disarm), B (arm), H (fire)")
                        : new HostMessage.Valid(new MagstimCommand.SetBaseMode(mode));
            }
            case 'N':
                return m[1] == 'D' ? new HostMessage.Valid(new MagstimCommand.GetVersion())
                        : new HostMessage.BadData(code, "version request needs D, not "
                        + MagstimBytes.describeByte(m[1]));
            case 'Q':
                return new HostMessage.Valid(new MagstimCommand.EnableRemote());
            case 'R':
                return new HostMessage.Valid(new MagstimCommand.DisableRemote());
            case 'J':
                return new HostMessage.Valid(new MagstimCommand.GetParameters());
            case 'F':
                return new HostMessage.Valid(new MagstimCommand.GetTemperature());
            case 'X':
                return new HostMessage.Valid(new MagstimCommand.GetSystemMode());
            case 'Y':
                return new HostMessage.Valid(new MagstimCommand.SetHighResolutionInterval(true));
            case 'Z':
                return new HostMessage.Valid(new MagstimCommand.SetHighResolutionInterval(false));
            case 'x':
                return new HostMessage.Valid(new MagstimCommand.GetSystemStatus());
            default:
                return new HostMessage.Valid(new MagstimCommand.GetRapidParameters(rapidLayout));
        }
    }
}
