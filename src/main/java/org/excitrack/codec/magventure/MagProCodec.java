package org.excitrack.codec.magventure;

/**
 * Turns frame payloads into typed MagPro messages and commands. Stateless, no I/O. A payload of a known id
 * that is too short for its fields, or holds a value its field cannot have, is a {@link MagProProtocolException}
 * naming the message and the field; bytes beyond the fields this codec reads are ignored (later firmware may
 * append); unknown ids are {@link MagProMessage.Raw}.
 */
public final class MagProCodec {
    private MagProCodec() {
    }

    /** Host side: what the stimulator sent. */
    public static MagProMessage decodeMessage(byte[] payload) {
        if (payload.length == 0) {
            throw new MagProProtocolException("empty MagPro payload: no message id");
        }
        try {
            return message(payload);
        } catch (IllegalArgumentException e) {
            throw new MagProProtocolException("message " + (payload[0] & 0xFF) + " out of range: " + e.getMessage());
        }
    }

    private static MagProMessage message(byte[] payload) {
        int id = payload[0] & 0xFF;
        switch (id) {
            case MagProMessage.STATUS:
                return MagProMessage.Status.read(new PayloadReader(payload, "status message 0"));
            case MagProMessage.LONG_STATUS:
                return longStatus(new PayloadReader(payload, "long status message 5"));
            case MagProMessage.AMPLITUDE_CHANGED: {
                PayloadReader r = new PayloadReader(payload, "amplitude message 1");
                return new MagProMessage.AmplitudeChanged(r.u8("amplitude A"), r.u8("amplitude B"), r.statusByte());
            }
            case MagProMessage.PULSE_FIRED: {
                PayloadReader r = new PayloadReader(payload, "pulse message 2");
                return new MagProMessage.PulseFired(r.u8("di/dt A"), r.u8("di/dt B"), r.statusByte());
            }
            case MagProMessage.TEMPERATURE: {
                PayloadReader r = new PayloadReader(payload, "temperature message 3");
                return new MagProMessage.Temperature(r.u8("coil temperature"), r.u8("coil type"), r.statusByte());
            }
            case MagProMessage.MEP: {
                PayloadReader r = new PayloadReader(payload, "MEP message 4");
                return new MagProMessage.Mep(r.u32("maximum"), r.u32("minimum"), r.u32("peak time"));
            }
            case MagProMessage.PAGE: {
                PayloadReader r = new PayloadReader(payload, "page message 8");
                return new MagProMessage.Page(r.u8("page"), r.u8("train running") != 0, r.statusByte());
            }
            case MagProMessage.WAVEFORM:
                return waveform(new PayloadReader(payload, "waveform message 9"));
            case MagProMessage.DELAYS: {
                PayloadReader r = new PayloadReader(payload, "delays message 10");
                r.skip(1, "read/write flag");
                return new MagProMessage.Delays(r.u16("input delay"), r.s16("output delay"), r.u16("charge delay"));
            }
            case MagProMessage.TIMING: {
                PayloadReader r = new PayloadReader(payload, "timing message 11");
                r.skip(1, "read/write flag");
                return new MagProMessage.Timing(r.u8("timing control"), r.u16("repetition rate"),
                        r.u16("pulses in train"), r.u16("number of trains"), r.u16("inter-train interval"));
            }
            case MagProMessage.STIMULUS_COUNT: {
                PayloadReader r = new PayloadReader(payload, "stimulus count message 12");
                r.skip(MagProMessage.StimulusCount.COUNT_OFFSET - 1, "train fields");
                return new MagProMessage.StimulusCount(r.u16("stimulus count"));
            }
            default:
                return new MagProMessage.Raw(payload);
        }
    }

    /**
     * Device side (the simulator): what the host sent. Also accepts {@code [1, A]}, which leaves B as it is
     * ({@link MagProCommandFromHost.AmplitudeA}).
     */
    public static MagProCommandFromHost decodeCommand(byte[] payload) {
        if (payload.length == 0) {
            throw new MagProProtocolException("empty MagPro payload: no command id");
        }
        int id = payload[0] & 0xFF;
        try {
            switch (id) {
                case MagProCommand.GET_STATUS:
                    return wrap(new MagProCommand.GetStatus());
                case MagProCommand.SET_AMPLITUDE: {
                    PayloadReader r = new PayloadReader(payload, "amplitude command 1");
                    int a = r.u8("amplitude A");
                    if (payload.length == 2) {
                        MagProCommand.SetAmplitudes.requirePercent(a, "A");
                        return new MagProCommandFromHost.AmplitudeA(a);
                    }
                    return wrap(new MagProCommand.SetAmplitudes(a, r.u8("amplitude B")));
                }
                case MagProCommand.SET_ENABLED: {
                    int flag = new PayloadReader(payload, "enable command 2").u8("enable flag");
                    if (flag > 1) {
                        throw new MagProProtocolException("enable command 2 with flag " + flag + "; expected 0 or 1");
                    }
                    return wrap(new MagProCommand.SetEnabled(flag == 1));
                }
                case MagProCommand.TRIGGER:
                    return wrap(new MagProCommand.Trigger());
                case MagProCommand.GET_LONG_STATUS:
                    return wrap(new MagProCommand.GetLongStatus());
                case MagProCommand.SET_PAGE: {
                    int code = new PayloadReader(payload, "page command 7").u8("page");
                    return wrap(new MagProCommand.SetPage(MagProPage.fromCode(code).orElseThrow(
                            () -> new MagProProtocolException("page command 7 names unknown page " + code))));
                }
                case MagProCommand.SET_DELAYS: {
                    PayloadReader r = new PayloadReader(payload, "delays command 8");
                    return wrap(new MagProCommand.SetDelays(r.u16("input delay"), r.s16("output delay"),
                            r.u16("charge delay")));
                }
                case MagProCommand.WAVEFORM:
                    return waveformCommand(payload);
                default:
                    return new MagProCommandFromHost.Unknown(payload);
            }
        } catch (IllegalArgumentException e) {
            throw new MagProProtocolException("command " + id + " out of range: " + e.getMessage());
        }
    }

    private static MagProCommandFromHost waveformCommand(byte[] payload) {
        PayloadReader r = new PayloadReader(payload, "waveform command 9");
        int write = r.u8("read/write flag");
        if (write == 0) {
            return wrap(new MagProCommand.GetWaveform());
        }
        if (write != 1) {
            throw new MagProProtocolException("waveform command 9 with flag " + write
                    + "; expected 0 (get) or 1 (set)");
        }
        int modelCode = r.u8("model");
        MagProModel model = MagProModel.fromCode(modelCode).orElseThrow(
                () -> new MagProProtocolException("waveform command 9 names unknown model " + modelCode));
        MagProMode mode = MagProMode.fromCode(r.u8("mode"));
        MagProCurrentDirection direction = MagProCurrentDirection.fromCode(r.u8("current direction"));
        MagProWaveform waveform = MagProWaveform.fromCode(r.u8("waveform"));
        int burstCode = r.u8("burst pulses");
        if (burstCode > 3) {
            throw new MagProProtocolException("waveform command 9 with burst code " + burstCode
                    + "; expected 0..3 (5..2 pulses)");
        }
        return wrap(new MagProCommand.SetWaveform(model, mode, direction, waveform, 5 - burstCode,
                r.u16("inter-pulse interval"), r.u16("B/A ratio")));
    }

    private static MagProMessage.LongStatus longStatus(PayloadReader r) {
        MagProMessage.Status basic = MagProMessage.Status.read(r);
        return new MagProMessage.LongStatus(basic, r.u8("original amplitude A"), r.u8("original amplitude B"),
                r.u8("amplitude factor A"), r.u8("amplitude factor B"), r.u8("page"), r.u8("train running") != 0);
    }

    private static MagProMessage.Waveform waveform(PayloadReader r) {
        r.skip(1, "read/write flag");
        int model = r.u8("model");
        MagProMode mode = MagProMode.fromCode(r.u8("mode"));
        MagProCurrentDirection direction = MagProCurrentDirection.fromCode(r.u8("current direction"));
        MagProWaveform waveform = MagProWaveform.fromCode(r.u8("waveform"));
        int burstCode = r.u8("burst pulses");
        if (burstCode > 3) {
            throw new MagProProtocolException("waveform message 9 with burst code " + burstCode
                    + "; expected 0..3 (5..2 pulses)");
        }
        return new MagProMessage.Waveform(model, mode, direction, waveform, 5 - burstCode,
                r.u16LittleEndian("inter-pulse interval position"), r.u8("B/A ratio"));
    }

    private static MagProCommandFromHost wrap(MagProCommand command) {
        return new MagProCommandFromHost.Known(command);
    }
}
