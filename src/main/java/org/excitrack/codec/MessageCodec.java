package org.excitrack.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.PolarizingStep;
import org.excitrack.model.Polarity;
import org.excitrack.model.Pulse;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.TriggerOut;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.model.UnitState;

/**
 * Encodes and decodes frame payloads of protocol version 1 (firmware-protocol/PROTOCOL.md): a 4-byte header
 * (version u8, type u8, sequence u16) and a little-endian body. Stateless and thread-safe.
 */
public final class MessageCodec {
    public static final int PROTOCOL_VERSION = 1;
    static final int HEADER_BYTES = 4;

    public byte[] encode(Envelope envelope) {
        WireWriter w = new WireWriter();
        w.u8(envelope.version(), "version").u8(envelope.message().type().code(), "type")
                .u16(envelope.sequence(), "sequence");
        writeBody(w, envelope.message());
        return w.toByteArray();
    }

    public Envelope decode(byte[] payload) {
        if (payload.length < HEADER_BYTES) {
            throw new ProtocolException("frame of " + payload.length + " bytes is shorter than the 4-byte header");
        }
        int version = payload[0] & 0xFF;
        int typeCode = payload[1] & 0xFF;
        int sequence = (payload[2] & 0xFF) | (payload[3] & 0xFF) << 8;
        // The version comes first: type codes only mean something within a version, so a frame of another
        // version is UNSUPPORTED_VERSION even when its type code is unknown here.
        if (version != PROTOCOL_VERSION && !isVersionIndependent(typeCode)) {
            throw new UnsupportedVersionException(version, typeCode);
        }
        MessageType type = MessageType.fromCode(typeCode);
        WireReader r = new WireReader(payload, HEADER_BYTES, type.name());
        Message message = readBody(r, type);
        r.expectEnd();
        return new Envelope(version, sequence, message);
    }

    /** HELLO, IDENTITY and ERROR keep their layout in every version, so negotiation always works. */
    private static boolean isVersionIndependent(int typeCode) {
        return typeCode == MessageType.HELLO.code() || typeCode == MessageType.IDENTITY.code()
                || typeCode == MessageType.ERROR.code();
    }

    private static void writeBody(WireWriter w, Message m) {
        switch (m.type()) {
            case HELLO -> {
                Command.Hello h = (Command.Hello) m;
                w.u8(h.minVersion(), "min version").u8(h.maxVersion(), "max version");
            }
            case CONFIGURE -> writeSettings(w, ((Command.Configure) m).settings());
            case SET_LIMITS -> writeLimits(w, ((Command.SetLimits) m).limits());
            case ARM -> w.u32(((Command.Arm) m).watchdogMillis(), "watchdog ms");
            case TRIAL -> writeTrial(w, ((Command.RunTrial) m).trial());
            case TRIGGER_OUT -> {
                Command.FireTrigger f = (Command.FireTrigger) m;
                w.u8(f.line(), "trigger line").u32(f.widthMicros(), "trigger width µs");
            }
            case DISARM, HEARTBEAT, STATUS, ABORT, EMERGENCY_STOP, CLEAR_EMERGENCY_STOP, ACK -> { }
            case IDENTITY -> writeIdentity(w, (Reply.Identity) m);
            case CONFIGURED -> writeSettings(w, ((Reply.Configured) m).settings());
            case LIMITS -> writeLimits(w, ((Reply.LimitsInForce) m).limits());
            case TRIAL_RESULT -> writeResult(w, ((Reply.TrialCompleted) m).result());
            case HEARTBEAT_REPLY -> {
                Reply.HeartbeatReply h = (Reply.HeartbeatReply) m;
                w.i64(h.unitTimeMicros()).u8(h.state().wireCode(), "state");
            }
            case STATUS_REPLY -> {
                Reply.Status s = (Reply.Status) m;
                w.u8(s.state().wireCode(), "state").i64(s.unitTimeMicros())
                        .u32(s.trialsDelivered(), "trials delivered").u32(s.lastTrialId(), "last trial id")
                        .u16(s.lastErrorCode(), "last error code").u32(s.watchdogMillis(), "watchdog ms");
            }
            case ERROR -> {
                Reply.Error e = (Reply.Error) m;
                w.u8(e.commandType(), "command type").u16(e.code().code(), "error code")
                        .i64(e.value()).i64(e.allowed())
                        .u8(e.limit().map(SafetyLimits.Limit::wireCode).orElse(0), "limit")
                        .string(e.detail(), "detail");
            }
            case EVENT -> {
                Event e = (Event) m;
                w.u16(e.code().code(), "event code").i64(e.unitTimeMicros()).string(e.detail(), "detail");
            }
        }
    }

    private static Message readBody(WireReader r, MessageType type) {
        return switch (type) {
            case HELLO -> {
                int min = r.u8("min version");
                int max = r.u8("max version");
                yield guard(r, () -> new Command.Hello(min, max));
            }
            case CONFIGURE -> new Command.Configure(readSettings(r));
            case SET_LIMITS -> new Command.SetLimits(readLimits(r));
            case ARM -> new Command.Arm(positiveInt(r, r.u32("watchdog ms"), "watchdog ms"));
            case DISARM -> new Command.Disarm();
            case TRIAL -> new Command.RunTrial(readTrial(r));
            case HEARTBEAT -> new Command.Heartbeat();
            case STATUS -> new Command.StatusRequest();
            case ABORT -> new Command.Abort();
            case EMERGENCY_STOP -> new Command.EmergencyStop();
            case CLEAR_EMERGENCY_STOP -> new Command.ClearEmergencyStop();
            case TRIGGER_OUT -> guard(r, () -> new Command.FireTrigger(r.u8("trigger line"), r.u32("trigger width µs")));
            case ACK -> new Reply.Ack();
            case IDENTITY -> readIdentity(r);
            case CONFIGURED -> new Reply.Configured(readSettings(r));
            case LIMITS -> new Reply.LimitsInForce(readLimits(r));
            case TRIAL_RESULT -> new Reply.TrialCompleted(readResult(r));
            case HEARTBEAT_REPLY -> new Reply.HeartbeatReply(r.i64("unit time µs"), readState(r));
            case STATUS_REPLY -> new Reply.Status(readState(r), r.i64("unit time µs"), r.u32("trials delivered"),
                    r.u32("last trial id"), r.u16("last error code"),
                    positiveOrZeroInt(r, r.u32("watchdog ms"), "watchdog ms"));
            case ERROR -> readError(r);
            case EVENT -> new Event(guard(r, () -> EventCode.fromCode(r.u16("event code"))), r.i64("unit time µs"),
                    r.string("detail"));
        };
    }

    private static void writeSettings(WireWriter w, AmplifierSettings s) {
        w.u32(s.sampleRateHz(), "sample rate Hz").u16(s.gain(), "gain")
                .u32(s.highPassMillihertz(), "high-pass mHz").u32(s.lowPassHertz(), "low-pass Hz")
                .u8(s.notchHertz(), "notch Hz")
                .u32(s.defaultWindow().startMicros(), "window start µs")
                .u32(s.defaultWindow().durationMicros(), "window duration µs");
    }

    private static AmplifierSettings readSettings(WireReader r) {
        long rate = r.u32("sample rate Hz");
        int gain = r.u16("gain");
        long highPass = r.u32("high-pass mHz");
        long lowPass = r.u32("low-pass Hz");
        int notch = r.u8("notch Hz");
        long start = r.u32("window start µs");
        long duration = r.u32("window duration µs");
        return guard(r, () -> new AmplifierSettings(positiveInt(r, rate, "sample rate Hz"), gain,
                positiveOrZeroInt(r, highPass, "high-pass mHz"), positiveInt(r, lowPass, "low-pass Hz"), notch,
                new RecordingWindow(start, duration)));
    }

    private static void writeLimits(WireWriter w, SafetyLimits l) {
        w.u32(l.maxPulseCurrentNanoamps(), "max pulse current nA")
                .u32(l.maxPulseChargeNanocoulombs(), "max pulse charge nC")
                .u32(l.maxPolarizingCurrentNanoamps(), "max polarizing current nA")
                .u32(l.maxPolarizingChargeNanocoulombs(), "max polarizing charge nC")
                .u32(l.maxPolarizingDurationMicros(), "max polarizing duration µs")
                .u32(l.minTrialIntervalMicros(), "min trial interval µs");
    }

    private static SafetyLimits readLimits(WireReader r) {
        return new SafetyLimits(r.u32("max pulse current nA"), r.u32("max pulse charge nC"),
                r.u32("max polarizing current nA"), r.u32("max polarizing charge nC"),
                r.u32("max polarizing duration µs"), r.u32("min trial interval µs"));
    }

    private static void writeTrial(WireWriter w, TrialSpec t) {
        w.u32(t.trialId(), "trial id").u32(t.window().startMicros(), "window start µs")
                .u32(t.window().durationMicros(), "window duration µs");
        writePulses(w, t.pulses());
        writePolarizing(w, t.polarizing());
        writeTriggers(w, t.triggers());
    }

    private static TrialSpec readTrial(WireReader r) {
        long id = r.u32("trial id");
        RecordingWindow window = new RecordingWindow(r.u32("window start µs"), r.u32("window duration µs"));
        List<Pulse> pulses = readPulses(r);
        List<PolarizingStep> polarizing = readPolarizing(r);
        List<TriggerOut> triggers = readTriggers(r);
        return new TrialSpec(id, pulses, polarizing, triggers, window);
    }

    private static void writePulses(WireWriter w, List<Pulse> pulses) {
        w.u8(pulses.size(), "pulse count");
        for (Pulse p : pulses) {
            w.u32(p.onsetMicros(), "pulse onset µs").u32(p.widthMicros(), "pulse width µs")
                    .u32(p.amplitudeNanoamps(), "pulse amplitude nA").u8(p.polarity().wireCode(), "polarity");
        }
    }

    private static List<Pulse> readPulses(WireReader r) {
        int n = r.u8("pulse count");
        List<Pulse> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String at = "pulse[" + i + "].";
            long onset = r.u32(at + "onset µs");
            long width = r.u32(at + "width µs");
            long amplitude = r.u32(at + "amplitude nA");
            Polarity polarity = readPolarity(r, at);
            out.add(guard(r, () -> new Pulse(onset, width, amplitude, polarity)));
        }
        return out;
    }

    private static void writePolarizing(WireWriter w, List<PolarizingStep> steps) {
        w.u8(steps.size(), "polarizing count");
        for (PolarizingStep s : steps) {
            w.u32(s.onsetMicros(), "polarizing onset µs").u32(s.durationMicros(), "polarizing duration µs")
                    .u32(s.amplitudeNanoamps(), "polarizing amplitude nA").u8(s.polarity().wireCode(), "polarity");
        }
    }

    private static List<PolarizingStep> readPolarizing(WireReader r) {
        int n = r.u8("polarizing count");
        List<PolarizingStep> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String at = "polarizing[" + i + "].";
            long onset = r.u32(at + "onset µs");
            long duration = r.u32(at + "duration µs");
            long amplitude = r.u32(at + "amplitude nA");
            Polarity polarity = readPolarity(r, at);
            out.add(guard(r, () -> new PolarizingStep(onset, duration, amplitude, polarity)));
        }
        return out;
    }

    private static void writeTriggers(WireWriter w, List<TriggerOut> triggers) {
        w.u8(triggers.size(), "trigger count");
        for (TriggerOut t : triggers) {
            w.u8(t.line(), "trigger line").u32(t.onsetMicros(), "trigger onset µs")
                    .u32(t.widthMicros(), "trigger width µs");
        }
    }

    private static List<TriggerOut> readTriggers(WireReader r) {
        int n = r.u8("trigger count");
        List<TriggerOut> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String at = "trigger[" + i + "].";
            int line = r.u8(at + "line");
            long onset = r.u32(at + "onset µs");
            long width = r.u32(at + "width µs");
            out.add(guard(r, () -> new TriggerOut(line, onset, width)));
        }
        return out;
    }

    private static void writeResult(WireWriter w, TrialResult t) {
        w.u32(t.trialId(), "trial id").i64(t.startUnitTimeMicros());
        writePulses(w, t.deliveredPulses());
        writePolarizing(w, t.deliveredPolarizing());
        writeTriggers(w, t.deliveredTriggers());
        Sweep s = t.sweep();
        w.u32(s.sampleRateHz(), "sample rate Hz").u32(s.startMicros(), "sweep start µs")
                .u8(s.channelCount(), "channel count").u32(s.nanovoltsPerCount(), "nV per count")
                .u32(s.samplesPerChannel(), "samples per channel");
        for (short v : s.samples()) {
            w.i16(v);
        }
    }

    private static TrialResult readResult(WireReader r) {
        long id = r.u32("trial id");
        long start = r.i64("start unit time µs");
        List<Pulse> pulses = readPulses(r);
        List<PolarizingStep> polarizing = readPolarizing(r);
        List<TriggerOut> triggers = readTriggers(r);
        long rate = r.u32("sample rate Hz");
        long sweepStart = r.u32("sweep start µs");
        int channels = r.u8("channel count");
        long scale = r.u32("nV per count");
        long perChannel = r.u32("samples per channel");
        if (perChannel * channels > FrameLimits.MAX_SAMPLES) {
            throw r.invalid(perChannel + " samples × " + channels + " channels cannot fit in one frame");
        }
        short[] samples = r.i16Array((int) (perChannel * channels), "samples");
        Sweep sweep = guard(r, () -> new Sweep(positiveInt(r, rate, "sample rate Hz"), sweepStart, channels,
                positiveInt(r, scale, "nV per count"), samples));
        return new TrialResult(id, start, pulses, polarizing, triggers, sweep);
    }

    private static void writeIdentity(WireWriter w, Reply.Identity i) {
        w.u8(i.negotiatedVersion(), "negotiated version").u8(i.unitMinVersion(), "unit min version")
                .u8(i.unitMaxVersion(), "unit max version").string(i.model(), "model")
                .string(i.firmwareVersion(), "firmware version").string(i.serialNumber(), "serial number");
        if (i.negotiatedVersion() == 0) {
            if (i.capabilities().isPresent()) {
                throw new IllegalArgumentException("IDENTITY with negotiated version 0 carries no capabilities");
            }
            return;
        }
        if (i.negotiatedVersion() != PROTOCOL_VERSION) {
            throw new IllegalArgumentException("negotiated version " + i.negotiatedVersion()
                    + ": this codec writes the capabilities of version " + PROTOCOL_VERSION + " only");
        }
        UnitCapabilities c = i.capabilities().orElseThrow();
        w.u32(c.maxCurrentNanoamps(), "max current nA").u32(c.currentResolutionNanoamps(), "resolution nA")
                .u32(c.minPulseWidthMicros(), "min width µs").u32(c.maxPulseWidthMicros(), "max width µs")
                .u8(c.sampleRatesHz().size(), "sample rate count");
        for (int rate : c.sampleRatesHz()) {
            w.u32(rate, "sample rate Hz");
        }
        w.u8(c.emgChannels(), "EMG channels").u8(c.triggerOutLines(), "trigger lines")
                .u32(c.maxSamplesPerChannel(), "max samples per channel");
        writeLimits(w, c.hardLimits());
    }

    private static Reply.Identity readIdentity(WireReader r) {
        int negotiated = r.u8("negotiated version");
        int unitMin = r.u8("unit min version");
        int unitMax = r.u8("unit max version");
        String model = r.string("model");
        String firmware = r.string("firmware version");
        String serial = r.string("serial number");
        if (negotiated == 0) {
            return new Reply.Identity(0, unitMin, unitMax, model, firmware, serial, Optional.empty());
        }
        if (negotiated != PROTOCOL_VERSION) {
            // the capabilities section has the layout of the negotiated version, which we cannot read
            throw r.invalid("negotiated version " + negotiated + " is not version " + PROTOCOL_VERSION
                    + ", the only one this codec speaks");
        }
        long maxCurrent = r.u32("max current nA");
        long resolution = r.u32("resolution nA");
        long minWidth = r.u32("min width µs");
        long maxWidth = r.u32("max width µs");
        int rateCount = r.u8("sample rate count");
        List<Integer> rates = new ArrayList<>(rateCount);
        for (int k = 0; k < rateCount; k++) {
            rates.add(positiveInt(r, r.u32("sample rate Hz"), "sample rate Hz"));
        }
        int channels = r.u8("EMG channels");
        int lines = r.u8("trigger lines");
        int maxSamples = positiveOrZeroInt(r, r.u32("max samples per channel"), "max samples per channel");
        SafetyLimits hard = readLimits(r);
        UnitCapabilities caps = guard(r, () -> new UnitCapabilities(maxCurrent, resolution, minWidth, maxWidth,
                rates, channels, lines, maxSamples, hard));
        return new Reply.Identity(negotiated, unitMin, unitMax, model, firmware, serial, Optional.of(caps));
    }

    private static Reply.Error readError(WireReader r) {
        int command = r.u8("command type");
        ErrorCode code = guard(r, () -> ErrorCode.fromCode(r.u16("error code")));
        long value = r.i64("value");
        long allowed = r.i64("allowed");
        int limitCode = r.u8("limit");
        Optional<SafetyLimits.Limit> limit = limitCode == 0 ? Optional.empty()
                : Optional.of(guard(r, () -> SafetyLimits.Limit.fromWireCode(limitCode)));
        return new Reply.Error(command, code, value, allowed, limit, r.string("detail"));
    }

    private static UnitState readState(WireReader r) {
        int code = r.u8("state");
        return guard(r, () -> UnitState.fromWireCode(code));
    }

    private static Polarity readPolarity(WireReader r, String at) {
        int code = r.u8(at + "polarity");
        return guard(r, () -> Polarity.fromWireCode(code));
    }

    private static int positiveInt(WireReader r, long v, String field) {
        if (v <= 0 || v > Integer.MAX_VALUE) {
            throw r.invalid(field + " = " + v + " is not a positive 31-bit value");
        }
        return (int) v;
    }

    private static int positiveOrZeroInt(WireReader r, long v, String field) {
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw r.invalid(field + " = " + v + " is out of range");
        }
        return (int) v;
    }

    /** Turns a model precondition failure into a ProtocolException naming the message. */
    private static <T> T guard(WireReader r, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw r.invalid(e.getMessage());
        }
    }
}
