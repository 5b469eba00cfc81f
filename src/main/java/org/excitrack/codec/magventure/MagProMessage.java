package org.excitrack.codec.magventure;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * MagPro → host: answers to the status and waveform questions, and what the stimulator sends on its own when
 * something changes on it (front panel, pulse fired, coil warmer). Layouts follow tms.md §1.10 and the peers
 * it cites; those marked "inferred" in {@code magpro.md} rest on one peer's reading and are decoded only as far
 * as that peer goes. Ids the codec does not know arrive as {@link Raw}, never as an error.
 */
public sealed interface MagProMessage {
    int STATUS = 0;
    int AMPLITUDE_CHANGED = 1;
    int PULSE_FIRED = 2;
    int TEMPERATURE = 3;
    int MEP = 4;
    int LONG_STATUS = 5;
    int PAGE = 8;
    int WAVEFORM = 9;
    int DELAYS = 10;
    int TIMING = 11;
    int STIMULUS_COUNT = 12;

    int id();

    byte[] toPayload();

    /**
     * Message 0, the answer to command 0: 9 bytes.
     *
     * @param serialNumber three bytes big-endian
     * @param coilTemperatureCelsius as the stimulator displays it
     * @param coilTypeCode the stimulator's number for the connected coil (0 unknown)
     */
    record Status(MagProStatusByte status, int serialNumber, int coilTemperatureCelsius, int coilTypeCode,
                  int amplitudeAPercent, int amplitudeBPercent) implements MagProMessage {
        public Status {
            Objects.requireNonNull(status, "status");
            requireRange(serialNumber, 0, 0xFF_FFFF, "serial number");
            requireByte(coilTemperatureCelsius, "coil temperature");
            requireByte(coilTypeCode, "coil type");
            requireByte(amplitudeAPercent, "amplitude A");
            requireByte(amplitudeBPercent, "amplitude B");
        }

        @Override
        public int id() {
            return STATUS;
        }

        @Override
        public byte[] toPayload() {
            return write(new PayloadWriter(STATUS)).bytes();
        }

        PayloadWriter write(PayloadWriter w) {
            return w.u8(status.toByte()).u24(serialNumber).u8(coilTemperatureCelsius).u8(coilTypeCode)
                    .u8(amplitudeAPercent).u8(amplitudeBPercent);
        }

        static Status read(PayloadReader r) {
            return new Status(r.statusByte(), r.u24("serial number"), r.u8("coil temperature"), r.u8("coil type"),
                    r.u8("amplitude A"), r.u8("amplitude B"));
        }
    }

    /**
     * Message 5, the answer to command 5: the short status, then the amplitudes before the Protocol page's
     * factors, the factors in percent, the page and whether a train or protocol is running. 15 bytes.
     */
    record LongStatus(Status basic, int originalAmplitudeAPercent, int originalAmplitudeBPercent,
                      int amplitudeFactorAPercent, int amplitudeFactorBPercent, int pageCode, boolean trainRunning)
            implements MagProMessage {
        public LongStatus {
            Objects.requireNonNull(basic, "basic");
            requireByte(originalAmplitudeAPercent, "original amplitude A");
            requireByte(originalAmplitudeBPercent, "original amplitude B");
            requireByte(amplitudeFactorAPercent, "amplitude factor A");
            requireByte(amplitudeFactorBPercent, "amplitude factor B");
            requireByte(pageCode, "page");
        }

        @Override
        public int id() {
            return LONG_STATUS;
        }

        @Override
        public byte[] toPayload() {
            return basic.write(new PayloadWriter(LONG_STATUS)).u8(originalAmplitudeAPercent)
                    .u8(originalAmplitudeBPercent).u8(amplitudeFactorAPercent).u8(amplitudeFactorBPercent)
                    .u8(pageCode).u8(trainRunning ? 1 : 0).bytes();
        }
    }

    /** Message 1: the amplitudes changed (by a command or on the front panel), or the outputs were (dis)abled. */
    record AmplitudeChanged(int amplitudeAPercent, int amplitudeBPercent, MagProStatusByte status)
            implements MagProMessage {
        public AmplitudeChanged {
            requireByte(amplitudeAPercent, "amplitude A");
            requireByte(amplitudeBPercent, "amplitude B");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public int id() {
            return AMPLITUDE_CHANGED;
        }

        @Override
        public byte[] toPayload() {
            return new PayloadWriter(AMPLITUDE_CHANGED).u8(amplitudeAPercent).u8(amplitudeBPercent)
                    .u8(status.toByte()).bytes();
        }
    }

    /**
     * Message 2: the stimulator discharged. In Twin and Dual mode a pair may be reported as one message with both
     * values, or as two (the first with B's di/dt 0), depending on the interval.
     *
     * @param didtAAmpsPerMicrosecond realised di/dt of pulse A, A/µs (0 when A did not fire)
     * @param didtBAmpsPerMicrosecond realised di/dt of pulse B, A/µs (0 when B did not fire or is reported later)
     */
    record PulseFired(int didtAAmpsPerMicrosecond, int didtBAmpsPerMicrosecond, MagProStatusByte status)
            implements MagProMessage {
        public PulseFired {
            requireByte(didtAAmpsPerMicrosecond, "di/dt A");
            requireByte(didtBAmpsPerMicrosecond, "di/dt B");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public int id() {
            return PULSE_FIRED;
        }

        @Override
        public byte[] toPayload() {
            return new PayloadWriter(PULSE_FIRED).u8(didtAAmpsPerMicrosecond).u8(didtBAmpsPerMicrosecond)
                    .u8(status.toByte()).bytes();
        }
    }

    /** Message 3: the coil's temperature or type changed. */
    record Temperature(int coilTemperatureCelsius, int coilTypeCode, MagProStatusByte status)
            implements MagProMessage {
        public Temperature {
            requireByte(coilTemperatureCelsius, "coil temperature");
            requireByte(coilTypeCode, "coil type");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public int id() {
            return TEMPERATURE;
        }

        @Override
        public byte[] toPayload() {
            return new PayloadWriter(TEMPERATURE).u8(coilTemperatureCelsius).u8(coilTypeCode).u8(status.toByte())
                    .bytes();
        }
    }

    /** Message 4: the stimulator's own MEP measurement, each value unsigned 32-bit big-endian. */
    record Mep(long maxAmplitudeMicrovolts, long minAmplitudeMicrovolts, long peakTimeMicros)
            implements MagProMessage {
        public Mep {
            requireRange(maxAmplitudeMicrovolts, 0, 0xFFFF_FFFFL, "MEP maximum");
            requireRange(minAmplitudeMicrovolts, 0, 0xFFFF_FFFFL, "MEP minimum");
            requireRange(peakTimeMicros, 0, 0xFFFF_FFFFL, "MEP peak time");
        }

        @Override
        public int id() {
            return MEP;
        }

        @Override
        public byte[] toPayload() {
            return new PayloadWriter(MEP).u32(maxAmplitudeMicrovolts).u32(minAmplitudeMicrovolts).u32(peakTimeMicros)
                    .bytes();
        }
    }

    /** Message 8: the page shown changed, or a train started or ended. */
    record Page(int pageCode, boolean trainRunning, MagProStatusByte status) implements MagProMessage {
        public Page {
            requireByte(pageCode, "page");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public int id() {
            return PAGE;
        }

        @Override
        public byte[] toPayload() {
            return new PayloadWriter(PAGE).u8(pageCode).u8(trainRunning ? 1 : 0).u8(status.toByte()).bytes();
        }
    }

    /**
     * Message 9, the answer to command 9 with 0: 10 bytes. Unlike the command that sets them, the stimulator
     * reports the inter-pulse interval and the B/A ratio as positions in their grids counted from the largest
     * value; in Dual mode the last byte is 100 − amplitude B instead.
     *
     * @param ipiIndexFromTop position in {@link MagProCommand.SetWaveform#ipiGrid} of the waveform, 0 = longest
     * @param ratioByte Twin: position in {@link MagProGrids#BA_RATIO_HUNDREDTHS} from 5.00; Dual: 100 − amplitude B
     */
    record Waveform(int modelCode, MagProMode mode, MagProCurrentDirection currentDirection,
                    MagProWaveform waveform, int burstPulses, int ipiIndexFromTop, int ratioByte)
            implements MagProMessage {
        public Waveform {
            requireByte(modelCode, "model");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(currentDirection, "currentDirection");
            Objects.requireNonNull(waveform, "waveform");
            requireRange(burstPulses, 2, 5, "burst pulses");
            requireRange(ipiIndexFromTop, 0, 0xFFFF, "inter-pulse interval position");
            requireByte(ratioByte, "B/A ratio");
        }

        /** What a stimulator with these settings reports. */
        public static Waveform of(int modelCode, MagProMode mode, MagProCurrentDirection direction,
                                  MagProWaveform waveform, int burstPulses, int ipiTenthsMillis,
                                  int baRatioHundredths, int amplitudeBPercent) {
            int ratioByte = mode == MagProMode.DUAL ? 100 - amplitudeBPercent
                    : MagProGrids.BA_RATIO_HUNDREDTHS.indexFromTop(baRatioHundredths);
            return new Waveform(modelCode, mode, direction, waveform, burstPulses,
                    MagProCommand.SetWaveform.ipiGrid(waveform).indexFromTop(ipiTenthsMillis), ratioByte);
        }

        /** The inter-pulse interval in tenths of a millisecond, when the position lies on the waveform's grid. */
        public OptionalInt ipiTenthsMillis() {
            return MagProCommand.SetWaveform.ipiGrid(waveform).valueAtIndexFromTop(ipiIndexFromTop);
        }

        /** Twin mode's B/A ratio in hundredths; empty in other modes. */
        public OptionalInt baRatioHundredths() {
            return mode == MagProMode.TWIN ? MagProGrids.BA_RATIO_HUNDREDTHS.valueAtIndexFromTop(ratioByte)
                    : OptionalInt.empty();
        }

        /** Dual mode's amplitude B in percent; empty in other modes. */
        public OptionalInt amplitudeBPercent() {
            return mode == MagProMode.DUAL && ratioByte <= 100 ? OptionalInt.of(100 - ratioByte) : OptionalInt.empty();
        }

        @Override
        public int id() {
            return WAVEFORM;
        }

        @Override
        public byte[] toPayload() {
            return new PayloadWriter(WAVEFORM).u8(0).u8(modelCode).u8(mode.code()).u8(currentDirection.code())
                    .u8(waveform.code()).u8(5 - burstPulses).u16LittleEndian(ipiIndexFromTop).u8(ratioByte).bytes();
        }
    }

    /** Message 10: the trigger delays and charge delay, as command 8 sets them (inferred layout). */
    record Delays(int inputDelayTenthsMillis, int outputDelayTenthsMillis, int chargeDelayMillis)
            implements MagProMessage {
        public Delays {
            requireRange(inputDelayTenthsMillis, 0, 0xFFFF, "input delay");
            requireRange(outputDelayTenthsMillis, Short.MIN_VALUE, Short.MAX_VALUE, "output delay");
            requireRange(chargeDelayMillis, 0, 0xFFFF, "charge delay");
        }

        @Override
        public int id() {
            return DELAYS;
        }

        @Override
        public byte[] toPayload() {
            return new PayloadWriter(DELAYS).u8(0).u16(inputDelayTenthsMillis).u16(outputDelayTenthsMillis & 0xFFFF)
                    .u16(chargeDelayMillis).bytes();
        }
    }

    /** Message 11: the Timing page's train settings (inferred layout; Excitrack sends no trains). */
    record Timing(int timingControl, int repetitionRateTenthsHertz, int pulsesInTrain, int numberOfTrains,
                  int interTrainIntervalTenthsSeconds) implements MagProMessage {
        public Timing {
            requireByte(timingControl, "timing control");
            requireRange(repetitionRateTenthsHertz, 0, 0xFFFF, "repetition rate");
            requireRange(pulsesInTrain, 0, 0xFFFF, "pulses in train");
            requireRange(numberOfTrains, 0, 0xFFFF, "number of trains");
            requireRange(interTrainIntervalTenthsSeconds, 0, 0xFFFF, "inter-train interval");
        }

        @Override
        public int id() {
            return TIMING;
        }

        @Override
        public byte[] toPayload() {
            return new PayloadWriter(TIMING).u8(0).u8(timingControl).u16(repetitionRateTenthsHertz).u16(pulsesInTrain)
                    .u16(numberOfTrains).u16(interTrainIntervalTenthsSeconds).bytes();
        }
    }

    /** Message 12: the stimulus counter (inferred layout: the count in bytes 9–10, big-endian). */
    record StimulusCount(int count) implements MagProMessage {
        static final int COUNT_OFFSET = 9;

        public StimulusCount {
            requireRange(count, 0, 0xFFFF, "stimulus count");
        }

        @Override
        public int id() {
            return STIMULUS_COUNT;
        }

        @Override
        public byte[] toPayload() {
            PayloadWriter w = new PayloadWriter(STIMULUS_COUNT);
            for (int i = 1; i < COUNT_OFFSET; i++) {
                w.u8(0);
            }
            return w.u16(count).bytes();
        }
    }

    /** A message whose id this codec does not interpret; kept whole for the log. */
    record Raw(byte[] payload) implements MagProMessage {
        public Raw {
            if (payload.length == 0) {
                throw new IllegalArgumentException("a MagPro message has at least its id byte");
            }
            payload = payload.clone();
        }

        @Override
        public int id() {
            return payload[0] & 0xFF;
        }

        @Override
        public byte[] toPayload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Raw r && Arrays.equals(payload, r.payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("Raw[");
            for (int i = 0; i < payload.length; i++) {
                s.append(i == 0 ? "" : " ").append(String.format("%02x", payload[i] & 0xFF));
            }
            return s.append(']').toString();
        }
    }

    private static void requireByte(long value, String what) {
        requireRange(value, 0, 0xFF, what);
    }

    private static void requireRange(long value, long min, long max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("MagPro " + what + " " + value + " must lie in " + min + ".." + max);
        }
    }
}
