package org.excitrack.codec.magstim;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Magstim → host. A normal reply echoes the command byte, carries the {@link InstrumentStatus} and the
 * command's data, and ends with the check byte. Three replies say the command was not carried out
 * (TDb086 §3.3): a lone {@code ?} (unknown command), {@code cmd ? check} (bad data) and {@code cmd S check}
 * (the command conflicts with the stimulator's state, or needs remote control).
 */
public sealed interface MagstimReply {
    /** The echoed command byte ({@code ?} for {@link UnknownCommand}). */
    char command();

    /** The reply as the stimulator sends it, check byte included. */
    byte[] encode();

    /** The status byte, absent from the error replies and the version reply. */
    default Optional<InstrumentStatus> instrumentStatus() {
        return Optional.empty();
    }

    /** Whether this is one of the three replies that say the command was not carried out. */
    default boolean isError() {
        return false;
    }

    /** The three-byte reply to set, arm/disarm/fire and remote-control commands. */
    record Status(char command, InstrumentStatus status) implements MagstimReply {
        public Status {
            Objects.requireNonNull(status, "status");
        }

        public byte[] encode() {
            return ReplyBytes.message(command, new byte[] {(byte) status.raw()});
        }

        @Override
        public Optional<InstrumentStatus> instrumentStatus() {
            return Optional.of(status);
        }
    }

    /**
     * The reply to {@code J@}: power A, power B (zero on a 200²) and the BiStim² interval in the current
     * resolution's steps (zero on a 200²).
     */
    record Parameters(InstrumentStatus status, int powerAPercent, int powerBPercent, int intervalSteps)
            implements MagstimReply {
        public Parameters {
            Objects.requireNonNull(status, "status");
            AsciiDigits.check(powerAPercent, 3, "power A %");
            AsciiDigits.check(powerBPercent, 3, "power B %");
            AsciiDigits.check(intervalSteps, 3, "interval steps");
        }

        public char command() {
            return 'J';
        }

        public byte[] encode() {
            return ReplyBytes.message('J', ReplyBytes.concat(new byte[] {(byte) status.raw()},
                    AsciiDigits.encode(powerAPercent, 3), AsciiDigits.encode(powerBPercent, 3),
                    AsciiDigits.encode(intervalSteps, 3)));
        }

        @Override
        public Optional<InstrumentStatus> instrumentStatus() {
            return Optional.of(status);
        }
    }

    /** The reply to {@code F@}: both windings of the coil, in tenths of a degree Celsius. */
    record Temperature(InstrumentStatus status, int winding1Decidegrees, int winding2Decidegrees)
            implements MagstimReply {
        public Temperature {
            Objects.requireNonNull(status, "status");
            AsciiDigits.check(winding1Decidegrees, 3, "winding 1 temperature (0.1 °C)");
            AsciiDigits.check(winding2Decidegrees, 3, "winding 2 temperature (0.1 °C)");
        }

        public char command() {
            return 'F';
        }

        /** The hotter winding, °C: the one that decides whether the coil may be used. */
        public double hottestCelsius() {
            return Math.max(winding1Decidegrees, winding2Decidegrees) / 10.0;
        }

        public byte[] encode() {
            return ReplyBytes.message('F', ReplyBytes.concat(new byte[] {(byte) status.raw()},
                    AsciiDigits.encode(winding1Decidegrees, 3), AsciiDigits.encode(winding2Decidegrees, 3)));
        }

        @Override
        public Optional<InstrumentStatus> instrumentStatus() {
            return Optional.of(status);
        }
    }

    /** The reply to {@code X@}: the BiStim² system mode character. */
    record SystemMode(InstrumentStatus status, char modeCode) implements MagstimReply {
        public SystemMode {
            Objects.requireNonNull(status, "status");
        }

        public char command() {
            return 'X';
        }

        /** The mode, if the character is one the table knows. */
        public Optional<BiStimMode> mode() {
            return Optional.ofNullable(BiStimMode.fromCode(modeCode));
        }

        public byte[] encode() {
            return ReplyBytes.message('X', new byte[] {(byte) status.raw(), (byte) modeCode});
        }

        @Override
        public Optional<InstrumentStatus> instrumentStatus() {
            return Optional.of(status);
        }
    }

    /** The reply to {@code ND}: the Rapid² software version as the stimulator writes it, e.g. {@code 8.0.0}. */
    record Version(String text) implements MagstimReply {
        public Version {
            Objects.requireNonNull(text, "text");
            if (text.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("version text must not contain NUL");
            }
        }

        public char command() {
            return 'N';
        }

        /**
         * The major version: the digits before the first dot ({@code 9.1.0} → 9) or, for text without dots, all
         * digits but the last two ({@code 800} → 8, {@code 1000} → 10). Both forms are seen in host code
         * (MagPy); which one a real Rapid² sends is not documented.
         */
        public OptionalInt major() {
            String t = text.strip();
            String digits = t.contains(".") ? t.substring(0, t.indexOf('.'))
                    : t.length() > 2 ? t.substring(0, t.length() - 2) : t;
            if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 4) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(Integer.parseInt(digits));
        }

        public byte[] encode() {
            byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
            return ReplyBytes.message('N', ReplyBytes.concat(t, new byte[] {0}));
        }
    }

    /** The reply to {@code x@} (Rapid², software 9+): instrument, Rapid and the two extended status bytes. */
    record SystemStatus(InstrumentStatus status, int rapidStatus, int extendedFirst, int extendedSecond)
            implements MagstimReply {
        public SystemStatus {
            Objects.requireNonNull(status, "status");
        }

        public char command() {
            return 'x';
        }

        public byte[] encode() {
            return ReplyBytes.message('x', new byte[] {(byte) status.raw(), (byte) rapidStatus, (byte) extendedFirst,
                (byte) extendedSecond});
        }

        @Override
        public Optional<InstrumentStatus> instrumentStatus() {
            return Optional.of(status);
        }
    }

    /**
     * The reply to {@code \@}: the Rapid²'s settings. Frequency in 0.1 Hz, duration and wait in 0.1 s.
     *
     * @param rapidStatus bit 0 enhanced power, 1 train, 2 wait, 3 single-pulse mode, 4 HV supply connected,
     *     5 coil ready, 6 theta supply detected, 7 modified coil algorithm (TDb087 §8)
     */
    record RapidParameters(InstrumentStatus status, int rapidStatus, RapidParameterLayout layout, int powerPercent,
                           int frequencyDecihertz, int pulses, int durationDeciseconds, int waitDeciseconds)
            implements MagstimReply {
        public static final int SINGLE_PULSE_MODE = 1 << 3;

        public RapidParameters {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(layout, "layout");
            int[] w = layout.widths();
            AsciiDigits.check(powerPercent, w[0], "power %");
            AsciiDigits.check(frequencyDecihertz, w[1], "frequency (0.1 Hz)");
            AsciiDigits.check(pulses, w[2], "pulses");
            AsciiDigits.check(durationDeciseconds, w[3], "duration (0.1 s)");
            AsciiDigits.check(waitDeciseconds, w[4], "wait (0.1 s)");
        }

        public char command() {
            return '\\';
        }

        public boolean singlePulseMode() {
            return (rapidStatus & SINGLE_PULSE_MODE) != 0;
        }

        public byte[] encode() {
            int[] w = layout.widths();
            return ReplyBytes.message('\\', ReplyBytes.concat(new byte[] {(byte) status.raw(), (byte) rapidStatus},
                    AsciiDigits.encode(powerPercent, w[0]), AsciiDigits.encode(frequencyDecihertz, w[1]),
                    AsciiDigits.encode(pulses, w[2]), AsciiDigits.encode(durationDeciseconds, w[3]),
                    AsciiDigits.encode(waitDeciseconds, w[4])));
        }

        @Override
        public Optional<InstrumentStatus> instrumentStatus() {
            return Optional.of(status);
        }
    }

    /** A lone {@code ?}: the stimulator does not know the command byte (or, in MagPy's simulator, a bad check byte). */
    record UnknownCommand() implements MagstimReply {
        public char command() {
            return '?';
        }

        public byte[] encode() {
            return new byte[] {'?'};
        }

        @Override
        public boolean isError() {
            return true;
        }
    }

    /** {@code cmd ? check}: the command is known but its data is not valid. */
    record BadData(char command) implements MagstimReply {
        public byte[] encode() {
            return ReplyBytes.message(command, new byte[] {'?'});
        }

        @Override
        public boolean isError() {
            return true;
        }
    }

    /**
     * {@code cmd S check}: a valid command that conflicts with the stimulator's state, e.g. arming an armed unit,
     * or a command that needs remote control sent without it.
     */
    record Conflict(char command) implements MagstimReply {
        public byte[] encode() {
            return ReplyBytes.message(command, new byte[] {'S'});
        }

        @Override
        public boolean isError() {
            return true;
        }
    }
}
