package org.excitrack.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageCodecTest {
    private static final Pattern TRUNCATED = Pattern.compile(
            "(\\w+) body truncated: (.+) needs (\\d+) byte\\(s\\) at offset (\\d+) but the frame has (\\d+) left");

    private final MessageCodec codec = new MessageCodec();

    /** At least one message of every type, with lists, optionals and strings exercised. */
    static List<Envelope> samples() {
        SafetyLimits hard = new SafetyLimits(50_000_000L, 100_000L, 20_000_000L, 20_000_000L, 1_000_000L, 50_000L);
        UnitCapabilities caps = new UnitCapabilities(50_000_000L, 1_000L, 10L, 5_000L,
                List.of(1_000, 2_000, 5_000, 10_000, 20_000, 50_000), 2, 2, 16_000, hard);
        TrialSpec trial = new TrialSpec(0xFFFF_FFFFL,
                List.of(Pulse.cathodal(2_000, 1_000, 4_200_000), new Pulse(0, 200, 0, Polarity.ANODAL)),
                List.of(new PolarizingStep(0, 100_000, 1_600_000, Polarity.ANODAL)),
                List.of(new TriggerOut(1, 5, 100)), new RecordingWindow(0, 30_000));
        Sweep sweep = new Sweep(50_000, 7, 2, 1, new short[] {Short.MIN_VALUE, Short.MAX_VALUE, 0, -1});
        return List.of(
                Envelope.of(1, new Command.Hello(1, 255)),
                Envelope.of(2, new Command.Configure(AmplifierSettings.nerveDefaults())),
                Envelope.of(3, new Command.SetLimits(SafetyLimits.nerveDefaults())),
                Envelope.of(4, new Command.Arm(Integer.MAX_VALUE)),
                Envelope.of(5, new Command.Disarm()),
                Envelope.of(6, new Command.RunTrial(trial)),
                Envelope.of(7, new Command.Heartbeat()),
                Envelope.of(8, new Command.StatusRequest()),
                Envelope.of(9, new Command.Abort()),
                Envelope.of(10, new Command.EmergencyStop()),
                Envelope.of(11, new Command.ClearEmergencyStop()),
                Envelope.of(12, new Command.FireTrigger(255, 0xFFFF_FFFFL)),
                Envelope.of(13, new Reply.Ack()),
                Envelope.of(14, new Reply.Identity(1, 1, 3, "AU-1 µ", "1.2.3", "SN-1", Optional.of(caps))),
                Envelope.of(15, new Reply.Identity(0, 2, 3, "", "", "", Optional.empty())),
                Envelope.of(16, new Reply.Configured(AmplifierSettings.nerveDefaults())),
                Envelope.of(17, new Reply.LimitsInForce(hard)),
                Envelope.of(18, new Reply.TrialCompleted(new TrialResult(9, -5, trial.pulses(), trial.polarizing(),
                        trial.triggers(), sweep))),
                Envelope.of(19, new Reply.HeartbeatReply(Long.MAX_VALUE, UnitState.RUNNING_TRIAL)),
                Envelope.of(20, new Reply.Status(UnitState.FAULT, 0, 0xFFFF_FFFFL, 0xFFFF_FFFFL, 0xFFFF, 0)),
                Envelope.of(21, new Reply.Error(6, ErrorCode.LIMIT_EXCEEDED, 60_000_000L, 50_000_000L,
                        Optional.of(SafetyLimits.Limit.PULSE_CURRENT), "pulse 1: too much")),
                Envelope.of(65_535, Reply.Error.of(0x42, ErrorCode.UNKNOWN_COMMAND, "")),
                Envelope.of(0, new Event(EventCode.LIMIT_TRIPPED, Long.MIN_VALUE, "ü€𝄞")));
    }

    static Stream<Envelope> sampleStream() {
        return samples().stream();
    }

    @Test
    void theSamplesCoverEveryMessageType() {
        EnumSet<MessageType> types = EnumSet.noneOf(MessageType.class);
        samples().forEach(e -> types.add(e.message().type()));

        assertThat(types).containsExactlyInAnyOrder(MessageType.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleStream")
    void everyMessageSurvivesARoundTrip(Envelope envelope) {
        assertThat(codec.decode(codec.encode(envelope))).isEqualTo(envelope);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleStream")
    void theHeaderIsVersionTypeAndLittleEndianSequence(Envelope envelope) {
        byte[] payload = codec.encode(envelope);

        assertThat(payload[0] & 0xFF).isEqualTo(1);
        assertThat(payload[1] & 0xFF).isEqualTo(envelope.message().type().code());
        assertThat((payload[2] & 0xFF) | (payload[3] & 0xFF) << 8).isEqualTo(envelope.sequence());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleStream")
    void everyTruncationNamesTheMessageTheFieldAndTheOffset(Envelope envelope) {
        byte[] payload = codec.encode(envelope);
        for (int cut = MessageCodec.HEADER_BYTES; cut < payload.length; cut++) {
            byte[] truncated = Arrays.copyOf(payload, cut);
            int length = cut;
            assertThatThrownBy(() -> codec.decode(truncated))
                    .isInstanceOf(ProtocolException.class)
                    .satisfies(e -> {
                        Matcher m = TRUNCATED.matcher(e.getMessage());
                        assertThat(m.matches()).as(e.getMessage()).isTrue();
                        assertThat(m.group(1)).isEqualTo(envelope.message().type().name());
                        assertThat(m.group(2)).isNotBlank();
                        int offset = Integer.parseInt(m.group(4));
                        assertThat(offset).isBetween(MessageCodec.HEADER_BYTES, length);
                        assertThat(Integer.parseInt(m.group(5))).isEqualTo(length - offset)
                                .isLessThan(Integer.parseInt(m.group(3)));
                    });
        }
    }

    @Test
    void aTruncatedTrialNamesThePulseField() {
        byte[] payload = codec.encode(Envelope.of(5, new Command.RunTrial(TrialSpec.singlePulse(1,
                Pulse.cathodal(2_000, 1_000, 4_200_000), RecordingWindow.CONFIGURED_DEFAULT))));

        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(payload, 27)))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("TRIAL body truncated: pulse[0].amplitude nA needs 4 byte(s) at offset 25 but the "
                        + "frame has 2 left");
    }

    @Test
    void aPayloadShorterThanTheHeaderIsRefused() {
        assertThatThrownBy(() -> codec.decode(new byte[] {1, 7, 0}))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("frame of 3 bytes is shorter than the 4-byte header");
    }

    @Test
    void bytesAfterTheBodyAreRefused() {
        byte[] payload = {1, 0x07, 1, 0, 0x55};

        assertThatThrownBy(() -> codec.decode(payload))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("HEARTBEAT: 1 unexpected bytes after the body at offset 4");
    }

    // ---- versions ----

    @Test
    void aFrameOfAnotherVersionIsUnsupportedEvenWhenItsTypeIsUnknownHere() {
        assertThatThrownBy(() -> codec.decode(new byte[] {2, 0x06, 5, 0}))
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessage("frame of type 0x06 uses protocol version 2; this side speaks version 1");
        assertThatThrownBy(() -> codec.decode(new byte[] {2, 0x42, 5, 0}))
                .isInstanceOf(UnsupportedVersionException.class)
                .satisfies(e -> assertThat(((UnsupportedVersionException) e).version()).isEqualTo(2));
        assertThatThrownBy(() -> codec.decode(new byte[] {0, 0x07, 5, 0}))
                .isInstanceOf(UnsupportedVersionException.class);
    }

    @Test
    void helloIdentityAndErrorAreReadWhateverTheirVersionByte() {
        for (Message m : List.<Message>of(new Command.Hello(1, 2),
                new Reply.Identity(0, 2, 3, "AU-2", "2.0", "SN", Optional.empty()),
                Reply.Error.of(6, ErrorCode.UNSUPPORTED_VERSION, "speak 2"))) {
            Envelope e = new Envelope(7, 3, m);
            assertThat(codec.decode(codec.encode(e))).isEqualTo(e);
        }
    }

    @Test
    void anIdentityAgreeingOnAVersionThisCodecDoesNotSpeakIsRefused() {
        byte[] payload = codec.encode(Envelope.of(1, new Reply.Identity(0, 1, 2, "m", "f", "s", Optional.empty())));
        payload[4] = 2;

        assertThatThrownBy(() -> codec.decode(payload))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("negotiated version 2");
    }

    @Test
    void anUnknownTypeIsRefused() {
        assertThatThrownBy(() -> codec.decode(new byte[] {1, 0x42, 9, 0}))
                .isInstanceOf(ProtocolException.class)
                .isNotInstanceOf(UnsupportedVersionException.class)
                .hasMessage("unknown message type 0x42");
    }

    // ---- invalid field values are protocol errors, never other exceptions ----

    @Test
    void invalidValuesInABodyAreProtocolErrors() {
        List<byte[]> bad = new ArrayList<>();
        bad.add(new byte[] {1, 0x01, 1, 0, 0, 1});                 // HELLO min version 0
        bad.add(new byte[] {1, 0x01, 1, 0, 3, 2});                 // HELLO min above max
        bad.add(new byte[] {1, 0x04, 1, 0, 0, 0, 0, 0});           // ARM with watchdog 0
        bad.add(new byte[] {1, 0x0C, 1, 0, 0, 0, 0, 0, 0});        // TRIGGER_OUT width 0
        bad.add(new byte[] {1, (byte) 0x87, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9}); // HEARTBEAT_REPLY state 9
        bad.add(new byte[] {1, (byte) 0xC0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}); // unknown event code
        bad.add(new byte[] {1, (byte) 0xC0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, (byte) 0xC3, 0x28}); // bad UTF-8
        byte[] error = codec.encode(Envelope.of(1, Reply.Error.of(6, ErrorCode.BUSY, "")));
        byte[] badLimit = error.clone();
        badLimit[4 + 1 + 2 + 16] = 7;                                // limit code 7
        bad.add(badLimit);
        byte[] badCode = error.clone();
        badCode[5] = (byte) 0x99;                                    // error code 0x0099
        bad.add(badCode);

        for (byte[] payload : bad) {
            assertThatThrownBy(() -> codec.decode(payload)).as(Arrays.toString(payload))
                    .isExactlyInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void aTrialResultWithZeroChannelsIsAProtocolError() {
        byte[] payload = codec.encode(Envelope.of(1, new Reply.TrialCompleted(new TrialResult(1, 0, List.of(),
                List.of(), List.of(), new Sweep(10_000, 0, 1, 1, new short[0])))));
        payload[4 + 4 + 8 + 3 + 4 + 4] = 0; // channel count

        assertThatThrownBy(() -> codec.decode(payload)).isExactlyInstanceOf(ProtocolException.class)
                .hasMessageContaining("channel count 0");
    }

    // ---- values that do not fit their field are refused when encoding, never truncated ----

    @Test
    void valuesThatDoNotFitTheirFieldAreRefusedAtEncodeTime() {
        Pulse huge = Pulse.cathodal(0, 100, 5_000_000_000L);
        assertEncodeRefused(new Command.RunTrial(TrialSpec.singlePulse(1, huge, RecordingWindow.CONFIGURED_DEFAULT)),
                "pulse amplitude nA = 5000000000 does not fit its wire field (0..4294967295)");
        assertEncodeRefused(new Command.Configure(new AmplifierSettings(10_000, 70_000, 0, 3_000, 0,
                new RecordingWindow(0, 1))), "gain = 70000 does not fit its wire field (0..65535)");
        assertEncodeRefused(new Command.RunTrial(new TrialSpec(1, List.of(), List.of(),
                List.of(new TriggerOut(256, 0, 1)), RecordingWindow.CONFIGURED_DEFAULT)), "trigger line = 256");
        List<Pulse> many = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            many.add(Pulse.cathodal(i * 1_000L, 100, 1_000));
        }
        assertEncodeRefused(new Command.RunTrial(new TrialSpec(1, many, List.of(), List.of(),
                RecordingWindow.CONFIGURED_DEFAULT)), "pulse count = 256");
        assertEncodeRefused(new Reply.Status(UnitState.ARMED, 0, 1L << 32, 0, 0, 0), "trials delivered = 4294967296");
        assertEncodeRefused(new Reply.Status(UnitState.ARMED, 0, 0, 0, 0x10000, 0), "last error code = 65536");
        assertEncodeRefused(new Reply.Error(6, ErrorCode.BUSY, 0, 0, Optional.empty(), "x".repeat(65_536)),
                "detail length = 65536");
        assertEncodeRefused(new Reply.Error(256, ErrorCode.BUSY, 0, 0, Optional.empty(), ""), "command type = 256");
        assertEncodeRefused(new Reply.TrialCompleted(new TrialResult(1, 0, List.of(), List.of(), List.of(),
                new Sweep(10_000, 0, 256, 1, new short[256]))), "channel count = 256");
        assertEncodeRefused(new Reply.Identity(0, 1, 1, "m", "f", "s", Optional.of(new UnitCapabilities(1, 1, 1, 1,
                List.of(), 1, 0, 0, SafetyLimits.nerveDefaults()))), "negotiated version 0 carries no capabilities");
        assertThatThrownBy(() -> Envelope.of(65_536, new Command.Heartbeat()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence 65536");
    }

    private void assertEncodeRefused(Message m, String text) {
        assertThatThrownBy(() -> codec.encode(Envelope.of(1, m)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    // ---- arbitrary trials ----

    @Provide
    static Arbitrary<TrialSpec> trials() {
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFF_FFFFL);
        Arbitrary<Long> positiveU32 = Arbitraries.longs().between(1, 0xFFFF_FFFFL);
        Arbitrary<Polarity> polarity = Arbitraries.of(Polarity.class);
        Arbitrary<Pulse> pulse = Combinators.combine(u32, positiveU32, u32, polarity).as(Pulse::new);
        Arbitrary<PolarizingStep> step = Combinators.combine(u32, positiveU32, u32, polarity).as(PolarizingStep::new);
        Arbitrary<TriggerOut> trigger = Combinators.combine(Arbitraries.integers().between(0, 255), u32, positiveU32)
                .as(TriggerOut::new);
        return Combinators.combine(u32, pulse.list().ofMaxSize(12), step.list().ofMaxSize(4),
                trigger.list().ofMaxSize(4), Combinators.combine(u32, u32).as(RecordingWindow::new))
                .as(TrialSpec::new);
    }

    @Property(tries = 300)
    void anyTrialSurvivesARoundTrip(@ForAll("trials") TrialSpec trial) {
        Envelope e = Envelope.of(42, new Command.RunTrial(trial));

        assertThat(codec.decode(codec.encode(e))).isEqualTo(e);
    }
}
