package org.excitrack.codec.magstim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reply decoder over every chunking: a whole conversation's replies, error replies, and broken ones. */
class MagstimReplyDecoderTest {
    private static final InstrumentStatus STANDBY_REMOTE = new InstrumentStatus(0x89);
    private static final InstrumentStatus READY_REMOTE = new InstrumentStatus(0x8C);

    /** A BiStim² and Rapid² conversation: each command with the reply it gets. */
    private static final List<MagstimCommand> COMMANDS = List.of(
            new MagstimCommand.EnableRemote(),
            new MagstimCommand.GetParameters(),
            new MagstimCommand.GetTemperature(),
            new MagstimCommand.GetSystemMode(),
            new MagstimCommand.SetPowerA(50),
            new MagstimCommand.SetBaseMode(BaseMode.ARM),
            new MagstimCommand.SetBaseMode(BaseMode.ARM),
            new MagstimCommand.GetVersion(),
            new MagstimCommand.GetRapidParameters(RapidParameterLayout.V7),
            new MagstimCommand.GetSystemStatus(),
            new MagstimCommand.SetPowerB(30),
            new MagstimCommand.SetInterval(999),
            new MagstimCommand.SetBaseMode(BaseMode.FIRE));
    private static final List<MagstimReply> REPLIES = List.of(
            new MagstimReply.Status('Q', STANDBY_REMOTE),
            new MagstimReply.Parameters(STANDBY_REMOTE, 30, 30, 10),
            new MagstimReply.Temperature(STANDBY_REMOTE, 240, 238),
            new MagstimReply.SystemMode(STANDBY_REMOTE, '3'),
            new MagstimReply.Status('@', STANDBY_REMOTE),
            new MagstimReply.Status('E', STANDBY_REMOTE),
            new MagstimReply.Conflict('E'),
            new MagstimReply.Version("8.0.0"),
            new MagstimReply.RapidParameters(STANDBY_REMOTE, 0x38, RapidParameterLayout.V7, 65, 10, 1, 0, 10),
            new MagstimReply.SystemStatus(STANDBY_REMOTE, 0x38, 0, 1),
            new MagstimReply.BadData('A'),
            new MagstimReply.UnknownCommand(),
            new MagstimReply.Status('E', READY_REMOTE));

    static List<MagstimChunking> chunkings() {
        return MagstimChunking.standard();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunkings")
    void decodesAConversationInAnyChunking(MagstimChunking chunking) {
        MagstimReplyDecoder decoder = new MagstimReplyDecoder();
        COMMANDS.forEach(decoder::expect);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        REPLIES.forEach(r -> stream.writeBytes(r.encode()));
        RecordingSink sink = new RecordingSink();
        for (byte[] chunk : chunking.chunks(stream.toByteArray(), 'Q')) {
            decoder.feed(chunk, sink);
        }
        assertThat(sink.outcomes).containsExactlyElementsOf(REPLIES);
        assertThat(sink.answered).containsExactlyElementsOf(COMMANDS);
        assertThat(sink.ignored).isEqualTo(chunking.noiseLength('Q'));
        assertThat(decoder.awaitedCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunkings")
    void aWrongCheckByteIsReportedWithBothValuesAndTheNextReplyStillDecodes(MagstimChunking chunking) {
        byte[] bad = new MagstimReply.Parameters(STANDBY_REMOTE, 30, 30, 10).encode();
        bad[bad.length - 1] = 0x12;
        RecordingSink sink = feed(chunking, List.of(new MagstimCommand.GetParameters(),
                new MagstimCommand.EnableRemote()), bad, new MagstimReply.Status('Q', STANDBY_REMOTE).encode());
        assertThat(sink.outcomes).containsExactly(
                "CHECKSUM: reply to 'J' had checksum 0x12, expected 0x75 (J<89>030030010<12>)",
                new MagstimReply.Status('Q', STANDBY_REMOTE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunkings")
    void aTruncatedReplyWaitsAndCanBeAbandoned(MagstimChunking chunking) {
        MagstimReplyDecoder decoder = new MagstimReplyDecoder();
        decoder.expect(new MagstimCommand.GetParameters());
        decoder.expect(new MagstimCommand.EnableRemote());
        byte[] whole = new MagstimReply.Parameters(STANDBY_REMOTE, 30, 30, 10).encode();
        RecordingSink sink = new RecordingSink();
        for (byte[] chunk : chunking.chunks(java.util.Arrays.copyOf(whole, 7), 'J')) {
            decoder.feed(chunk, sink);
        }
        assertThat(sink.outcomes).isEmpty();
        assertThat(decoder.partialReplyBytes()).isEqualTo(7);
        assertThat(MagstimBytes.render(decoder.partialReply())).isEqualTo("J<89>03003");

        assertThat(decoder.abandonOldest()).contains(new MagstimCommand.GetParameters());
        decoder.feed(new MagstimReply.Status('Q', STANDBY_REMOTE).encode(), sink);
        assertThat(sink.outcomes).containsExactly(new MagstimReply.Status('Q', STANDBY_REMOTE));
    }

    @Test
    void nonDigitsWhereDigitsBelongAreMalformed() {
        byte[] body = {'J', (byte) 0x89, '0', 'a', '5', '0', '3', '0', '0', '1', '0'};
        RecordingSink sink = feed(MagstimChunking.WHOLE, List.of(new MagstimCommand.GetParameters()),
                MagstimChecksum.append(body));
        assertThat(sink.outcomes).containsExactly("MALFORMED: reply to 'J' has '0a5' where the power A digits "
                + "belong (J<89>0a5030010B)");
    }

    @Test
    void aVersionWithoutTerminatorIsBounded() {
        MagstimReplyDecoder decoder = new MagstimReplyDecoder(32);
        decoder.expect(new MagstimCommand.GetVersion());
        RecordingSink sink = new RecordingSink();
        byte[] endless = new byte[100];
        java.util.Arrays.fill(endless, (byte) '9');
        endless[0] = 'N';
        decoder.feed(endless, sink);
        assertThat(sink.outcomes).containsExactly("TOO_LONG: reply to 'N' ran past 32 bytes without its NUL "
                + "terminator");
        assertThat(sink.ignored).isEqualTo(68);
        assertThat(decoder.partialReplyBytes()).isZero();
    }

    @Test
    void bytesWithNothingAwaitedAreIgnoredOneByOne() {
        RecordingSink sink = new RecordingSink();
        new MagstimReplyDecoder().feed("Q\u0089n".getBytes(StandardCharsets.ISO_8859_1), sink);
        assertThat(sink.ignored).isEqualTo(3);
        assertThat(sink.outcomes).isEmpty();
    }

    @Test
    void anEmptyVersionAndVersionsWithAndWithoutDotsHaveMajors() {
        RecordingSink sink = feed(MagstimChunking.ONE_BYTE_AT_A_TIME, List.of(new MagstimCommand.GetVersion()),
                new MagstimReply.Version("").encode());
        assertThat(sink.outcomes).containsExactly(new MagstimReply.Version(""));
        assertThat(new MagstimReply.Version("9.1.0").major()).hasValue(9);
        assertThat(new MagstimReply.Version("800").major()).hasValue(8);
        assertThat(new MagstimReply.Version("1000").major()).hasValue(10);
        assertThat(new MagstimReply.Version("v?").major()).isEmpty();
    }

    @Test
    void theStatusByteDecodesBitByBit() {
        InstrumentStatus s = new InstrumentStatus(0xFF);
        assertThat(List.of(s.standby(), s.armed(), s.ready(), s.coilPresent(), s.replaceCoil(), s.errorPresent(),
                s.fatalError(), s.remoteControl())).containsOnly(true);
        List<Boolean> bits = new ArrayList<>();
        for (int bit = 0; bit < 8; bit++) {
            InstrumentStatus one = new InstrumentStatus(1 << bit);
            bits.add(List.of(one.standby(), one.armed(), one.ready(), one.coilPresent(), one.replaceCoil(),
                    one.errorPresent(), one.fatalError(), one.remoteControl()).get(bit));
        }
        assertThat(bits).containsOnly(true);
        assertThat(new InstrumentStatus(0x60).describe()).isEqualTo("0x60 (fatal error)");
    }

    private static RecordingSink feed(MagstimChunking chunking, List<MagstimCommand> commands, byte[]... replies) {
        MagstimReplyDecoder decoder = new MagstimReplyDecoder();
        commands.forEach(decoder::expect);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (byte[] r : replies) {
            stream.writeBytes(r);
        }
        RecordingSink sink = new RecordingSink();
        for (byte[] chunk : chunking.chunks(stream.toByteArray(), commands.get(0).code())) {
            decoder.feed(chunk, sink);
        }
        return sink;
    }
}
