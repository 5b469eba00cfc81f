package org.excitrack.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.excitrack.framing.FrameDecoder;
import org.excitrack.framing.FrameEncoder;
import org.excitrack.framing.FrameSink;
import org.excitrack.framing.FramingException;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.Polarity;
import org.excitrack.model.PolarizingStep;
import org.excitrack.model.Pulse;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.TriggerOut;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.model.UnitState;
import org.excitrack.testing.GoldenVectors;

/**
 * Wrote the golden vectors in {@code firmware-protocol/vectors/} once, with the real encoder. The files, not
 * this class, are the truth: tests read them and never call this. It refuses to overwrite an existing file
 * unless run with {@code --overwrite}, which is only for deliberately adding or changing a vector; a changed
 * vector must be checked by hand again.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:<jackson jars> org.excitrack.codec.VectorGenerator
 * [--overwrite] [folder]}.
 */
public final class VectorGenerator {
    private static final MessageCodec CODEC = new MessageCodec();
    private static final FrameEncoder FRAMER = new FrameEncoder();

    /** The reference unit as the simulator reports it. */
    static final SafetyLimits HARD_LIMITS =
            new SafetyLimits(50_000_000L, 100_000L, 20_000_000L, 20_000_000L, 1_000_000L, 50_000L);
    static final UnitCapabilities CAPABILITIES = new UnitCapabilities(50_000_000L, 1_000L, 10L, 5_000L,
            List.of(1_000, 2_000, 5_000, 10_000, 20_000, 50_000), 2, 2, 16_000, HARD_LIMITS);
    static final AmplifierSettings SETTINGS =
            new AmplifierSettings(10_000, 1000, 3_000, 3_000, 50, new RecordingWindow(0, 30_000));
    static final SafetyLimits HOST_LIMITS = SafetyLimits.nerveDefaults();
    static final TrialSpec TEST_PULSE = TrialSpec.singlePulse(1, Pulse.cathodal(2_000, 1_000, 4_200_000),
            RecordingWindow.CONFIGURED_DEFAULT);
    /** Threshold electrotonus: 100 ms depolarizing step of 40 % of a 4 mA threshold, test pulse 90 ms in. */
    static final TrialSpec ELECTROTONUS = new TrialSpec(2,
            List.of(Pulse.cathodal(100_000, 1_000, 3_200_000)),
            List.of(new PolarizingStep(10_000, 100_000, 1_600_000, Polarity.CATHODAL)),
            List.of(new TriggerOut(0, 0, 100)),
            new RecordingWindow(100_000, 20_000));

    private VectorGenerator() {
    }

    public static void main(String[] args) throws IOException {
        boolean overwrite = Arrays.asList(args).contains("--overwrite");
        Path dir = Paths.get(Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst()
                .orElse(GoldenVectors.FOLDER));
        Files.createDirectories(dir);
        ObjectMapper out = GoldenVectors.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
        int written = 0;
        for (Spec v : vectors()) {
            Path file = dir.resolve(v.name + ".json");
            if (Files.exists(file) && !overwrite) {
                System.out.println("kept     " + file);
                continue;
            }
            ObjectNode root = out.createObjectNode();
            root.put("name", v.name);
            root.put("description", v.description);
            if (v.repeat != null) {
                ObjectNode g = root.putObject("generate");
                g.put("repeat", GoldenVectors.Hex.format(v.repeat));
                g.put("count", v.count);
            }
            root.put("hex", GoldenVectors.Hex.format(v.hex));
            ArrayNode expect = root.putArray("expect");
            for (Object e : v.expect) {
                ObjectNode entry = expect.addObject();
                if (e instanceof Envelope env) {
                    entry.set("frame", GoldenVectors.tree(env));
                } else {
                    Err err = (Err) e;
                    entry.put("error", err.kind());
                    entry.put("contains", err.contains());
                }
            }
            Files.writeString(file, out.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
            System.out.println("wrote    " + file + " (" + v.hex.length + " bytes)");
            written++;
        }
        System.out.println(written + " vector file(s) written");
    }

    /** One vector being built: bytes (optionally after a generated run) and what they decode to. */
    private record Spec(String name, String description, byte[] repeat, int count, byte[] hex, List<Object> expect) {
    }

    private static Spec single(String name, String description, Envelope envelope) {
        return new Spec(name, description, null, 0, frame(envelope), List.of(envelope));
    }

    private static byte[] frame(Envelope envelope) {
        return FRAMER.encode(CODEC.encode(envelope));
    }

    private static Err error(String kind, String contains) {
        return new Err(kind, contains);
    }

    /** An expected framing or codec error. */
    private record Err(String kind, String contains) {
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static List<Spec> vectors() {
        List<Spec> v = new ArrayList<>();
        // ---- every message type, in the order of a session ----
        v.add(single("hello", "HELLO: the host speaks protocol versions 1..1; first command of a connection",
                Envelope.of(1, new Command.Hello(1, 1))));
        v.add(single("hello-from-version-2-host", "HELLO from a host that speaks 1..2 and stamps its frame with "
                        + "version 2: HELLO keeps its layout in every version, so a version-1 receiver decodes it",
                new Envelope(2, 1, new Command.Hello(1, 2))));
        v.add(single("identity", "IDENTITY answering HELLO: version 1 agreed, with the reference unit's "
                        + "capabilities and hard limits as the simulator reports them",
                Envelope.of(1, new Reply.Identity(1, 1, 1, "Excitrack AU-1 (simulated)", "sim-1.0.0", "SIM-00001",
                        Optional.of(CAPABILITIES)))));
        v.add(single("identity-no-common-version", "IDENTITY answering a HELLO for versions 2..3 from a unit "
                        + "that speaks only 1: negotiated version 0 and no capabilities section",
                Envelope.of(1, new Reply.Identity(0, 1, 1, "Excitrack AU-1 (simulated)", "sim-1.0.0", "SIM-00001",
                        Optional.empty()))));
        v.add(single("configure", "CONFIGURE: 10 kHz, gain 1000, 3 Hz..3 kHz, 50 Hz notch, default window 0..30 ms",
                Envelope.of(2, new Command.Configure(SETTINGS))));
        v.add(single("configured", "CONFIGURED: the settings in force after CONFIGURE",
                Envelope.of(2, new Reply.Configured(SETTINGS))));
        v.add(single("set-limits", "SET_LIMITS: 50 mA, 50 µC per pulse, polarizing 10 mA / 10 mC / 1 s, "
                        + "trials at least 100 ms apart",
                Envelope.of(3, new Command.SetLimits(HOST_LIMITS))));
        v.add(single("limits", "LIMITS: the tighter of the host's limits and the reference unit's hard limits",
                Envelope.of(3, new Reply.LimitsInForce(HOST_LIMITS.tighterOf(HARD_LIMITS)))));
        v.add(single("arm", "ARM with a 1000 ms watchdog", Envelope.of(4, new Command.Arm(1000))));
        v.add(single("ack", "ACK answering ARM", Envelope.of(4, new Reply.Ack())));
        v.add(single("trial", "TRIAL 1: one 1 ms cathodal test pulse of 4.2 mA at 2 ms; recording window = "
                        + "the configured default (duration 0)",
                Envelope.of(5, new Command.RunTrial(TEST_PULSE))));
        v.add(single("trial-threshold-electrotonus", "TRIAL 2 (threshold electrotonus): 100 ms depolarizing "
                        + "step of 1.6 mA (40 % of a 4 mA threshold) from 10 ms, 1 ms test pulse of 3.2 mA at "
                        + "100 ms, trigger line 0 for 100 µs at 0, recording 100..120 ms",
                Envelope.of(6, new Command.RunTrial(ELECTROTONUS))));
        v.add(single("trial-result", "TRIAL_RESULT for TRIAL 1: the delivered pulse as measured and a sweep of "
                        + "8 samples on one channel at 10 kHz, 1 µV per count",
                Envelope.of(5, new Reply.TrialCompleted(new TrialResult(1, 12_345_678_901L,
                        List.of(Pulse.cathodal(2_000, 1_000, 4_200_000)), List.of(), List.of(),
                        new Sweep(10_000, 0, 1, 1_000, new short[] {0, 3, -2, 120, 850, -1200, 40, -7}))))));
        v.add(single("trial-result-two-channels", "TRIAL_RESULT for TRIAL 2 with the delivered polarizing step "
                        + "and trigger, and 3 samples on each of 2 interleaved channels at 10 kHz from 100 ms",
                Envelope.of(6, new Reply.TrialCompleted(new TrialResult(2, 12_346_000_000L,
                        ELECTROTONUS.pulses(), ELECTROTONUS.polarizing(), ELECTROTONUS.triggers(),
                        new Sweep(10_000, 100_000, 2, 500, new short[] {12, -3, 256, 7, -32768, 32767}))))));
        v.add(single("heartbeat", "HEARTBEAT while armed and idle", Envelope.of(7, new Command.Heartbeat())));
        v.add(single("heartbeat-reply", "HEARTBEAT_REPLY: the unit's clock and state ARMED",
                Envelope.of(7, new Reply.HeartbeatReply(12_346_500_000L, UnitState.ARMED))));
        v.add(single("status", "STATUS request", Envelope.of(8, new Command.StatusRequest())));
        v.add(single("status-reply", "STATUS_REPLY: armed, 2 trials delivered, last trial 2, last error "
                        + "LIMIT_EXCEEDED (0x0020), watchdog 1000 ms",
                Envelope.of(8, new Reply.Status(UnitState.ARMED, 12_346_600_000L, 2, 2, 0x0020, 1000))));
        v.add(single("trigger-out", "TRIGGER_OUT: a 100 µs TTL pulse on line 1 now (e.g. to fire a magnetic "
                        + "stimulator)", Envelope.of(9, new Command.FireTrigger(1, 100))));
        v.add(single("abort", "ABORT", Envelope.of(10, new Command.Abort())));
        v.add(single("disarm", "DISARM", Envelope.of(11, new Command.Disarm())));
        v.add(single("emergency-stop", "EMERGENCY_STOP", Envelope.of(12, new Command.EmergencyStop())));
        v.add(single("clear-emergency-stop", "CLEAR_EMERGENCY_STOP",
                Envelope.of(13, new Command.ClearEmergencyStop())));
        v.add(single("error-limit-exceeded", "ERROR answering TRIAL: pulse current 60 mA requested, 50 mA allowed "
                        + "(values in nA); nothing was delivered",
                Envelope.of(14, new Reply.Error(MessageType.TRIAL.code(), ErrorCode.LIMIT_EXCEEDED, 60_000_000L,
                        50_000_000L, Optional.of(SafetyLimits.Limit.PULSE_CURRENT),
                        "pulse 1: pulse current 60.000 mA exceeds the limit of 50.000 mA"))));
        v.add(single("error-trial-too-soon", "ERROR answering TRIAL: it started 42 ms after the previous trial; "
                        + "the minimum interval is 100 ms (values in µs)",
                Envelope.of(15, new Reply.Error(MessageType.TRIAL.code(), ErrorCode.TRIAL_TOO_SOON, 42_000L,
                        100_000L, Optional.of(SafetyLimits.Limit.TRIAL_INTERVAL),
                        "trial interval: trial interval 42.0 ms is shorter than the minimum of 100.0 ms"))));
        v.add(single("error-aborted", "ERROR ABORTED answering the TRIAL in flight (sequence 16) after ABORT; "
                        + "value = the trial id 3",
                Envelope.of(16, new Reply.Error(MessageType.TRIAL.code(), ErrorCode.ABORTED, 3, 0, Optional.empty(),
                        "trial 3 aborted by the host; outputs off"))));
        v.add(single("error-not-armed", "ERROR NOT_ARMED answering TRIGGER_OUT",
                Envelope.of(17, Reply.Error.of(MessageType.TRIGGER_OUT.code(), ErrorCode.NOT_ARMED,
                        "arm the unit first"))));
        v.add(single("event-watchdog-expired", "EVENT WATCHDOG_EXPIRED (sequence 0): no command for 1000 ms "
                        + "while armed; outputs off, unit disarmed",
                Envelope.of(0, new Event(EventCode.WATCHDOG_EXPIRED, 12_350_000_000L,
                        "no command for 1000 ms while armed"))));
        v.add(single("event-emergency-stop-pressed", "EVENT EMERGENCY_STOP_PRESSED: the front-panel button",
                Envelope.of(0, new Event(EventCode.EMERGENCY_STOP_PRESSED, 12_351_000_000L, "front-panel button"))));

        // ---- streams with more than one frame, and flushing ----
        Envelope heartbeat = Envelope.of(7, new Command.Heartbeat());
        Envelope ack = Envelope.of(4, new Reply.Ack());
        v.add(new Spec("two-frames-back-to-back", "ACK then EVENT with nothing between them: each frame's "
                + "delimiter ends it", null, 0,
                concat(frame(ack), frame(Envelope.of(0, new Event(EventCode.OUTPUT_FAULT, 99, "electrode off")))),
                List.of(ack, Envelope.of(0, new Event(EventCode.OUTPUT_FAULT, 99, "electrode off")))));
        v.add(new Spec("lone-delimiters-flush", "Two lone 0x00 bytes before a frame and one after it: empty "
                + "blocks are ignored, so a sender may send 0x00 at any time to flush a receiver", null, 0,
                concat(bytes(0, 0), frame(heartbeat), bytes(0)), List.of(heartbeat)));

        // ---- malformed input ----
        v.add(new Spec("garbage-then-frame", "Leading garbage (the tail of a frame the receiver joined "
                + "half-way, ending at its delimiter) then a valid HEARTBEAT: one CORRUPTED, then the frame", null, 0,
                concat(bytes(0x13, 0x37, 0xc0, 0xff, 0xee, 0x00), frame(heartbeat)),
                List.of(error("CORRUPTED", "invalid COBS block of 5 bytes"), heartbeat)));
        v.add(new Spec("garbage-merges-with-frame", "Garbage with no delimiter after it becomes part of the next "
                + "frame's block, and that frame is lost: why a host sends a lone 0x00 before its first frame",
                null, 0, concat(bytes(0x02, 0x37), frame(heartbeat)),
                List.of(error("CORRUPTED", "CRC-32C mismatch"))));
        byte[] good = frame(heartbeat);
        byte[] flipped = flipOneBit(good);
        v.add(new Spec("crc-mismatch-then-frame", "A HEARTBEAT with one bit flipped (CRC-32C mismatch), then the "
                + "same HEARTBEAT intact: the receiver drops the first and resynchronises at its delimiter", null, 0,
                concat(flipped, good), List.of(error("CORRUPTED", "CRC-32C mismatch"), heartbeat)));
        v.add(new Spec("invalid-cobs-then-frame", "A block whose COBS code 0x05 runs past its 3-byte end, then "
                + "a valid HEARTBEAT", null, 0, concat(bytes(0x05, 0x11, 0x22, 0x00), good),
                List.of(error("CORRUPTED", "COBS code 0x5 at offset 0 runs past the end of the 3-byte block"),
                        heartbeat)));
        v.add(new Spec("shorter-than-crc", "A well-formed COBS block that decodes to 3 bytes, fewer than a CRC "
                + "plus one payload byte", null, 0, bytes(0x04, 0x01, 0x02, 0x03, 0x00),
                List.of(error("CORRUPTED", "frame of 3 bytes is shorter than its CRC plus one byte"))));
        v.add(new Spec("too-long-then-frame", "70 000 bytes of 0x01 with no delimiter (more than the "
                + FrameEncoder.MAX_ENCODED_BYTES + " encoded bytes of the largest frame), the 0x00 that ends "
                + "them, then a valid HEARTBEAT: the receiver holds at most the maximum, reports the run once and "
                + "decodes the frame", bytes(0x01), 70_000, concat(bytes(0x00), good),
                List.of(error("TOO_LONG", "70000 bytes without a delimiter exceed the maximum frame of "
                        + FrameEncoder.MAX_ENCODED_BYTES + " encoded bytes"), heartbeat)));
        byte[] trial = CODEC.encode(Envelope.of(5, new Command.RunTrial(TEST_PULSE)));
        v.add(new Spec("truncated-body", "A TRIAL payload cut after 27 of its 32 bytes, framed with a valid CRC: "
                + "the codec names the field and offset that ran short (a unit answers ERROR MALFORMED)", null, 0,
                FRAMER.encode(Arrays.copyOf(trial, 27)),
                List.of(error("PROTOCOL", "TRIAL body truncated: pulse[0].amplitude nA needs 4 byte(s) at offset 25 "
                        + "but the frame has 2 left"))));
        v.add(new Spec("trailing-bytes", "A HEARTBEAT payload with two extra bytes after its (empty) body", null, 0,
                FRAMER.encode(concat(CODEC.encode(heartbeat), bytes(0xaa, 0xbb))),
                List.of(error("PROTOCOL", "HEARTBEAT: 2 unexpected bytes after the body at offset 4"))));
        v.add(new Spec("unknown-type", "A version-1 frame of type 0x42, which no version-1 message has (a unit "
                + "answers ERROR UNKNOWN_COMMAND)", null, 0, FRAMER.encode(bytes(0x01, 0x42, 0x09, 0x00)),
                List.of(error("PROTOCOL", "unknown message type 0x42"))));
        byte[] v2Trial = trial.clone();
        v2Trial[0] = 2;
        v.add(new Spec("unsupported-version", "The TRIAL of the 'trial' vector stamped with version 2 (a unit "
                + "answers ERROR UNSUPPORTED_VERSION)", null, 0, FRAMER.encode(v2Trial),
                List.of(error("UNSUPPORTED_VERSION", "frame of type 0x06 uses protocol version 2"))));
        byte[] badPolarity = trial.clone();
        badPolarity[29] = 3;
        v.add(new Spec("invalid-polarity", "The TRIAL of the 'trial' vector with polarity code 3 (only 1 and 2 "
                + "exist)", null, 0, FRAMER.encode(badPolarity),
                List.of(error("PROTOCOL", "polarity code 3 is not 1 (cathodal) or 2 (anodal)"))));
        return v;
    }

    /** Flips the lowest bit of the first data byte whose flip leaves a valid COBS block with a bad CRC. */
    private static byte[] flipOneBit(byte[] frame) {
        for (int i = 1; i < frame.length - 1; i++) {
            byte[] f = frame.clone();
            f[i] ^= 0x01;
            if (f[i] == 0) {
                continue;
            }
            List<String> seen = new ArrayList<>();
            new FrameDecoder().feed(f, new FrameSink() {
                @Override
                public void onFrame(byte[] payload) {
                    seen.add("frame");
                }

                @Override
                public void onError(FramingException error) {
                    seen.add(error.getMessage());
                }
            });
            if (seen.size() == 1 && seen.get(0).contains("CRC-32C mismatch")) {
                return f;
            }
        }
        throw new IllegalStateException("no single-bit flip gives a CRC mismatch");
    }
}
