package org.excitrack.codec.magstim;

import java.util.Objects;

/**
 * Host → Magstim: one command byte, its data (three ASCII digits, a mode byte, or the padding {@code @}), and
 * the check byte (tms.md §1.2–§1.3). Each command knows how long a normal reply to it is: the protocol has no
 * length field, so host and stimulator both rely on these fixed lengths.
 */
public sealed interface MagstimCommand {
    /** {@link #replyLength()} of a reply ended by a NUL byte and its check byte (the Rapid² version). */
    int NUL_TERMINATED = -1;
    /** The conventional data byte of commands that carry no value; the stimulator ignores it. */
    byte PADDING = '@';

    /** The command byte, which the reply echoes. */
    char code();

    /** The bytes between the command byte and the check byte. */
    byte[] data();

    /** Total bytes of a normal reply, from the echo to the check byte, or {@link #NUL_TERMINATED}. */
    int replyLength();

    /** What the command does, for people: {@code get parameters}. */
    String meaning();

    /** Whether the stimulator carries it out without remote control (TDb086: stop; MagPy: the queries). */
    default boolean worksWithoutRemoteControl() {
        return false;
    }

    /** The complete message: command byte, data, check byte. */
    default byte[] encode() {
        byte[] data = data();
        byte[] body = new byte[1 + data.length];
        body[0] = (byte) code();
        System.arraycopy(data, 0, body, 1, data.length);
        return MagstimChecksum.append(body);
    }

    /** e.g. {@code J@ (get parameters)}: the message without its check byte, and its meaning. */
    default String describe() {
        byte[] m = encode();
        return MagstimBytes.render(m, 0, m.length - 1) + " (" + meaning() + ")";
    }

    /** Sets the power of output A (on a BiStim², stimulator A), % of maximum output. */
    record SetPowerA(int percent) implements MagstimCommand {
        public SetPowerA {
            AsciiDigits.check(percent, 3, "power A %");
        }

        public char code() {
            return '@';
        }

        public byte[] data() {
            return AsciiDigits.encode(percent, 3);
        }

        public int replyLength() {
            return 3;
        }

        public String meaning() {
            return "set power A to " + percent + " %";
        }
    }

    /** Sets the power of BiStim² stimulator B, % of maximum output. */
    record SetPowerB(int percent) implements MagstimCommand {
        public SetPowerB {
            AsciiDigits.check(percent, 3, "power B %");
        }

        public char code() {
            return 'A';
        }

        public byte[] data() {
            return AsciiDigits.encode(percent, 3);
        }

        public int replyLength() {
            return 3;
        }

        public String meaning() {
            return "set power B to " + percent + " %";
        }
    }

    /**
     * Sets the BiStim² interval between A and B in the current resolution's steps: 1 ms, or 0.1 ms in
     * high-resolution mode.
     */
    record SetInterval(int steps) implements MagstimCommand {
        public SetInterval {
            AsciiDigits.check(steps, 3, "interval steps");
        }

        public char code() {
            return 'C';
        }

        public byte[] data() {
            return AsciiDigits.encode(steps, 3);
        }

        public int replyLength() {
            return 3;
        }

        public String meaning() {
            return "set interval to " + steps + " steps";
        }
    }

    /** {@code EA} disarm, {@code EB} arm, {@code EH} fire. */
    record SetBaseMode(BaseMode mode) implements MagstimCommand {
        public SetBaseMode {
            Objects.requireNonNull(mode, "mode");
        }

        public char code() {
            return 'E';
        }

        public byte[] data() {
            return new byte[] {(byte) mode.code()};
        }

        public int replyLength() {
            return 3;
        }

        public String meaning() {
            return mode.meaning();
        }

        @Override
        public boolean worksWithoutRemoteControl() {
            return mode == BaseMode.DISARM;
        }
    }

    /** {@code Q@}: take remote control; also the keep-alive that feeds the stimulator's watchdog. */
    record EnableRemote() implements MagstimCommand {
        public char code() {
            return 'Q';
        }

        public byte[] data() {
            return new byte[] {PADDING};
        }

        public int replyLength() {
            return 3;
        }

        public String meaning() {
            return "enable remote control";
        }

        @Override
        public boolean worksWithoutRemoteControl() {
            return true;
        }
    }

    /** {@code R@}: disarm and hand control back to the front panel. */
    record DisableRemote() implements MagstimCommand {
        public char code() {
            return 'R';
        }

        public byte[] data() {
            return new byte[] {PADDING};
        }

        public int replyLength() {
            return 3;
        }

        public String meaning() {
            return "disable remote control";
        }

        @Override
        public boolean worksWithoutRemoteControl() {
            return true;
        }
    }

    /** {@code Y@} on, {@code Z@} off: BiStim² interval in 0.1 ms steps up to 99.9 ms instead of 1 ms steps. */
    record SetHighResolutionInterval(boolean on) implements MagstimCommand {
        public char code() {
            return on ? 'Y' : 'Z';
        }

        public byte[] data() {
            return new byte[] {PADDING};
        }

        public int replyLength() {
            return 3;
        }

        public String meaning() {
            return "high-resolution interval " + (on ? "on" : "off");
        }
    }

    /** {@code J@}: powers and interval (200², BiStim²); 12-byte reply. */
    record GetParameters() implements MagstimCommand {
        public char code() {
            return 'J';
        }

        public byte[] data() {
            return new byte[] {PADDING};
        }

        public int replyLength() {
            return 12;
        }

        public String meaning() {
            return "get parameters";
        }

        @Override
        public boolean worksWithoutRemoteControl() {
            return true;
        }
    }

    /** {@code F@}: both coil windings' temperatures in 0.1 °C; 9-byte reply. */
    record GetTemperature() implements MagstimCommand {
        public char code() {
            return 'F';
        }

        public byte[] data() {
            return new byte[] {PADDING};
        }

        public int replyLength() {
            return 9;
        }

        public String meaning() {
            return "get coil temperature";
        }

        @Override
        public boolean worksWithoutRemoteControl() {
            return true;
        }
    }

    /** {@code X@}: the BiStim² system mode; 4-byte reply. */
    record GetSystemMode() implements MagstimCommand {
        public char code() {
            return 'X';
        }

        public byte[] data() {
            return new byte[] {PADDING};
        }

        public int replyLength() {
            return 4;
        }

        public String meaning() {
            return "get system mode";
        }

        @Override
        public boolean worksWithoutRemoteControl() {
            return true;
        }
    }

    /** {@code ND}: the Rapid² software version as text ended by a NUL. */
    record GetVersion() implements MagstimCommand {
        public char code() {
            return 'N';
        }

        public byte[] data() {
            return new byte[] {'D'};
        }

        public int replyLength() {
            return NUL_TERMINATED;
        }

        public String meaning() {
            return "get software version";
        }
    }

    /** {@code x@}: Rapid² (software 9+) system status, also its keep-alive there; 6-byte reply. */
    record GetSystemStatus() implements MagstimCommand {
        public char code() {
            return 'x';
        }

        public byte[] data() {
            return new byte[] {PADDING};
        }

        public int replyLength() {
            return 6;
        }

        public String meaning() {
            return "get system status";
        }
    }

    /** {@code \@}: the Rapid²'s parameters, laid out by its software version. */
    record GetRapidParameters(RapidParameterLayout layout) implements MagstimCommand {
        public GetRapidParameters {
            Objects.requireNonNull(layout, "layout");
        }

        public char code() {
            return '\\';
        }

        public byte[] data() {
            return new byte[] {PADDING};
        }

        public int replyLength() {
            return layout.replyLength();
        }

        public String meaning() {
            return "get Rapid parameters";
        }

        @Override
        public boolean worksWithoutRemoteControl() {
            return true;
        }
    }
}
