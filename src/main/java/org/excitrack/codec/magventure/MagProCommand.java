package org.excitrack.codec.magventure;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Host → MagPro: the commands of tms.md §1.10 that single- and paired-pulse work needs. Constructors refuse
 * values outside the stimulator's ranges or off its grids with a message naming the value and the range;
 * nothing is rounded or clipped. Trains (commands 4 and 6) are deliberately absent: Excitrack does not
 * deliver repetitive TMS.
 */
public sealed interface MagProCommand {
    int GET_STATUS = 0;
    int SET_AMPLITUDE = 1;
    int SET_ENABLED = 2;
    int TRIGGER = 3;
    int GET_LONG_STATUS = 5;
    int SET_PAGE = 7;
    int SET_DELAYS = 8;
    int WAVEFORM = 9;

    /** payload[0]. */
    int id();

    /** The payload to frame: id first. */
    byte[] toPayload();

    /** The id of the message the stimulator answers with, for commands that are questions. */
    default OptionalInt replyId() {
        return OptionalInt.empty();
    }

    /** Command 0: the stimulator answers with status message 0. */
    record GetStatus() implements MagProCommand {
        @Override
        public int id() {
            return GET_STATUS;
        }

        @Override
        public byte[] toPayload() {
            return new byte[] {GET_STATUS};
        }

        @Override
        public OptionalInt replyId() {
            return OptionalInt.of(MagProMessage.STATUS);
        }
    }

    /** Command 1, {@code [1, A, B]}: both amplitudes in % of maximum output, 0–100. */
    record SetAmplitudes(int amplitudeAPercent, int amplitudeBPercent) implements MagProCommand {
        public static final int MAX_PERCENT = 100;

        public SetAmplitudes {
            requirePercent(amplitudeAPercent, "A");
            requirePercent(amplitudeBPercent, "B");
        }

        @Override
        public int id() {
            return SET_AMPLITUDE;
        }

        @Override
        public byte[] toPayload() {
            return new PayloadWriter(SET_AMPLITUDE).u8(amplitudeAPercent).u8(amplitudeBPercent).bytes();
        }

        static void requirePercent(int percent, String output) {
            if (percent < 0 || percent > MAX_PERCENT) {
                throw new IllegalArgumentException("MagPro amplitude " + output + " " + percent
                        + " % must lie in 0.." + MAX_PERCENT + " %");
            }
        }
    }

    /** Command 2, {@code [2, 1]} / {@code [2, 0]}: enable (the MagPro's "armed") or disable the outputs. */
    record SetEnabled(boolean enabled) implements MagProCommand {
        @Override
        public int id() {
            return SET_ENABLED;
        }

        @Override
        public byte[] toPayload() {
            return new byte[] {SET_ENABLED, (byte) (enabled ? 1 : 0)};
        }
    }

    /** Command 3, {@code [3]}: discharge once (a pulse, or a pair in Twin/Dual mode); ignored unless enabled. */
    record Trigger() implements MagProCommand {
        @Override
        public int id() {
            return TRIGGER;
        }

        @Override
        public byte[] toPayload() {
            return new byte[] {TRIGGER};
        }
    }

    /** Command 5: the stimulator answers with long status message 5. */
    record GetLongStatus() implements MagProCommand {
        @Override
        public int id() {
            return GET_LONG_STATUS;
        }

        @Override
        public byte[] toPayload() {
            return new byte[] {GET_LONG_STATUS};
        }

        @Override
        public OptionalInt replyId() {
            return OptionalInt.of(MagProMessage.LONG_STATUS);
        }
    }

    /** Command 7, {@code [7, page, 0]}: shows a page on the stimulator's screen. */
    record SetPage(MagProPage page) implements MagProCommand {
        public SetPage {
            Objects.requireNonNull(page, "page");
        }

        @Override
        public int id() {
            return SET_PAGE;
        }

        @Override
        public byte[] toPayload() {
            return new PayloadWriter(SET_PAGE).u8(page.code()).u8(0).bytes();
        }
    }

    /**
     * Command 8: trigger input delay, trigger output delay (negative only takes effect in Sequence timing) and
     * charge delay, each on its grid ({@link MagProGrids}).
     */
    record SetDelays(int inputDelayTenthsMillis, int outputDelayTenthsMillis, int chargeDelayMillis)
            implements MagProCommand {
        public SetDelays {
            requireOnGrid(MagProGrids.INPUT_DELAY_TENTHS_MS, inputDelayTenthsMillis, "trigger input delay",
                    tenths(inputDelayTenthsMillis));
            requireOnGrid(MagProGrids.OUTPUT_DELAY_TENTHS_MS, outputDelayTenthsMillis, "trigger output delay",
                    tenths(outputDelayTenthsMillis));
            requireOnGrid(MagProGrids.CHARGE_DELAY_MS, chargeDelayMillis, "charge delay", chargeDelayMillis + " ms");
        }

        @Override
        public int id() {
            return SET_DELAYS;
        }

        @Override
        public byte[] toPayload() {
            return new PayloadWriter(SET_DELAYS).u16(inputDelayTenthsMillis).u16(outputDelayTenthsMillis & 0xFFFF)
                    .u16(chargeDelayMillis).u8(0).u8(0).bytes();
        }
    }

    /** Command 9 with {@code 0}: the stimulator answers with message 9, its mode and waveform settings. */
    record GetWaveform() implements MagProCommand {
        @Override
        public int id() {
            return WAVEFORM;
        }

        @Override
        public byte[] toPayload() {
            return new byte[] {WAVEFORM, 0};
        }

        @Override
        public OptionalInt replyId() {
            return OptionalInt.of(MagProMessage.WAVEFORM);
        }
    }

    /**
     * Command 9 with {@code 1}: mode, current direction, waveform, burst pulses, inter-pulse interval (tenths of
     * a millisecond) and Twin's B/A ratio (hundredths), all at once. The model byte must be the stimulator's own.
     *
     * @param ipiTenthsMillis on {@link MagProGrids#BURST_IPI_TENTHS_MS} for a biphasic burst, otherwise on
     *     {@link MagProGrids#PAIRED_IPI_TENTHS_MS}
     * @param baRatioHundredths on {@link MagProGrids#BA_RATIO_HUNDREDTHS}; used in Twin mode only
     */
    record SetWaveform(MagProModel model, MagProMode mode, MagProCurrentDirection currentDirection,
                       MagProWaveform waveform, int burstPulses, int ipiTenthsMillis, int baRatioHundredths)
            implements MagProCommand {
        public SetWaveform {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(currentDirection, "currentDirection");
            Objects.requireNonNull(waveform, "waveform");
            if (mode.paired() && !model.hasPairedPulseModes()) {
                throw new IllegalArgumentException(model.displayName() + " has no " + mode
                        + " mode: Twin and Dual need the MagOption");
            }
            if (mode.paired() && waveform == MagProWaveform.BIPHASIC_BURST) {
                throw new IllegalArgumentException("MagPro " + mode + " mode cannot use the biphasic burst waveform");
            }
            if (burstPulses < 2 || burstPulses > 5) {
                throw new IllegalArgumentException("MagPro burst of " + burstPulses + " pulses must have 2..5");
            }
            requireOnGrid(ipiGrid(waveform), ipiTenthsMillis, "inter-pulse interval", tenths(ipiTenthsMillis));
            requireOnGrid(MagProGrids.BA_RATIO_HUNDREDTHS, baRatioHundredths, "B/A ratio",
                    String.format("%d.%02d", baRatioHundredths / 100, Math.abs(baRatioHundredths % 100)));
        }

        /** The grid the inter-pulse interval must lie on for this waveform. */
        public static ValueGrid ipiGrid(MagProWaveform waveform) {
            return waveform == MagProWaveform.BIPHASIC_BURST ? MagProGrids.BURST_IPI_TENTHS_MS
                    : MagProGrids.PAIRED_IPI_TENTHS_MS;
        }

        @Override
        public int id() {
            return WAVEFORM;
        }

        @Override
        public byte[] toPayload() {
            return new PayloadWriter(WAVEFORM).u8(1).u8(model.code()).u8(mode.code()).u8(currentDirection.code())
                    .u8(waveform.code()).u8(5 - burstPulses).u16(ipiTenthsMillis).u16(baRatioHundredths).bytes();
        }
    }

    private static void requireOnGrid(ValueGrid grid, int value, String what, String shown) {
        if (!grid.contains(value)) {
            throw new IllegalArgumentException("MagPro " + what + " " + shown + " is not a value the stimulator "
                    + "accepts: " + grid.description());
        }
    }

    private static String tenths(int tenths) {
        return (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10 + " ms";
    }
}
