package org.excitrack.codec.magventure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.excitrack.framing.FrameSink;
import org.excitrack.framing.FramingException;
import org.excitrack.framing.MagProFrameDecoder;
import org.excitrack.framing.MagProFrameEncoder;
import org.excitrack.testing.Chunking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Messages decoded from payloads written out by hand, round trips, and whole frames in every chunking. */
class MagProCodecTest {
    /** Dual (3) | biphasic (1 << 2) | enabled (0x10) | X100+Option (3 << 5). */
    private static final int DUAL_BIPHASIC_ENABLED_X100_OPTION = 0x77;
    private static final MagProStatusByte STATUS = MagProStatusByte.fromByte(DUAL_BIPHASIC_ENABLED_X100_OPTION);

    static List<Chunking> chunkings() {
        return List.of(Chunking.WHOLE, Chunking.ONE_BYTE_AT_A_TIME, Chunking.randomSplits(1),
                Chunking.randomSplits(2), Chunking.randomSplits(3));
    }

    @Test
    void theStatusByteCarriesModeWaveformEnabledAndModel() {
        assertThat(STATUS.mode()).isEqualTo(MagProMode.DUAL);
        assertThat(STATUS.waveform()).isEqualTo(MagProWaveform.BIPHASIC);
        assertThat(STATUS.enabled()).isTrue();
        assertThat(STATUS.model()).contains(MagProModel.X100_OPTION);
        assertThat(STATUS.toByte()).isEqualTo(DUAL_BIPHASIC_ENABLED_X100_OPTION);
        MagProStatusByte mst = MagProStatusByte.fromByte(0b101_0_00_00);
        assertThat(mst.model()).contains(MagProModel.MST);
        assertThat(mst.enabled()).isFalse();
        assertThat(MagProStatusByte.fromByte(0xE0).model()).as("model code 7 is unknown").isEmpty();
    }

    @Test
    void statusMessageZero() {
        MagProMessage m = MagProCodec.decodeMessage(bytes(0, 0x77, 0x01, 0xE2, 0x40, 27, 60, 55, 40));
        assertThat(m).isEqualTo(new MagProMessage.Status(STATUS, 123_456, 27, 60, 55, 40));
    }

    @Test
    void longStatusMessageFive() {
        MagProMessage m = MagProCodec.decodeMessage(bytes(5, 0x77, 0x01, 0xE2, 0x40, 27, 60, 55, 40,
                50, 40, 110, 100, 1, 0));
        assertThat(m).isEqualTo(new MagProMessage.LongStatus(new MagProMessage.Status(STATUS, 123_456, 27, 60, 55,
                40), 50, 40, 110, 100, MagProPage.MAIN.code(), false));
    }

    @Test
    void unsolicitedMessagesWithTheStatusByteAfterTheirData() {
        assertThat(MagProCodec.decodeMessage(bytes(1, 62, 0, 0x77)))
                .isEqualTo(new MagProMessage.AmplitudeChanged(62, 0, STATUS));
        assertThat(MagProCodec.decodeMessage(bytes(2, 84, 56, 0x77)))
                .isEqualTo(new MagProMessage.PulseFired(84, 56, STATUS));
        assertThat(MagProCodec.decodeMessage(bytes(3, 31, 60, 0x77)))
                .isEqualTo(new MagProMessage.Temperature(31, 60, STATUS));
        assertThat(MagProCodec.decodeMessage(bytes(8, 2, 1, 0x77)))
                .isEqualTo(new MagProMessage.Page(2, true, STATUS));
    }

    @Test
    void mepMessageFourIsThreeBigEndianWords() {
        assertThat(MagProCodec.decodeMessage(bytes(4, 0, 0, 0x03, 0xE8, 0, 0, 0, 0x0A, 0, 0, 0x5A, 0xF0)))
                .isEqualTo(new MagProMessage.Mep(1000, 10, 23_280));
    }

    @Test
    void waveformMessageNineReportsGridPositionsNotValues() {
        // Dual, biphasic, 3.0 ms: 30 tenths is position 240 from the top (3000 ms) of the paired grid,
        // sent little-endian; the last byte is 100 - amplitude B (40 %).
        MagProMessage.Waveform w = (MagProMessage.Waveform) MagProCodec.decodeMessage(
                bytes(9, 0, 3, 3, 0, 1, 3, 240, 0, 60));
        assertThat(w.mode()).isEqualTo(MagProMode.DUAL);
        assertThat(w.ipiTenthsMillis()).hasValue(30);
        assertThat(w.amplitudeBPercent()).hasValue(40);
        assertThat(w.baRatioHundredths()).isEmpty();
        assertThat(w.burstPulses()).isEqualTo(2);
        assertThat(w).isEqualTo(MagProMessage.Waveform.of(3, MagProMode.DUAL, MagProCurrentDirection.NORMAL,
                MagProWaveform.BIPHASIC, 2, 30, 100, 40));

        MagProMessage.Waveform twin = (MagProMessage.Waveform) MagProCodec.decodeMessage(
                bytes(9, 0, 3, 2, 0, 1, 3, 0x04, 0x01, 80));
        assertThat(twin.ipiTenthsMillis()).as("position 260 = 1.0 ms").hasValue(10);
        assertThat(twin.baRatioHundredths()).as("position 80 from 5.00 = 1.00").hasValue(100);
    }

    @Test
    void delaysTimingAndStimulusCount() {
        assertThat(MagProCodec.decodeMessage(bytes(10, 0, 0, 15, 0xFF, 0xE7, 0, 200)))
                .isEqualTo(new MagProMessage.Delays(15, -25, 200));
        assertThat(MagProCodec.decodeMessage(bytes(11, 0, 1, 0, 10, 0, 5, 0, 2, 0, 10, 1, 100, 10)))
                .isEqualTo(new MagProMessage.Timing(1, 10, 5, 2, 10));
        assertThat(MagProCodec.decodeMessage(bytes(12, 0, 2, 0, 0, 10, 0, 0, 0, 0x01, 0x2C, 0, 0, 1)))
                .isEqualTo(new MagProMessage.StimulusCount(300));
    }

    @Test
    void unknownIdsAreKeptRawNotRejected() {
        assertThat(MagProCodec.decodeMessage(bytes(6, 50, 40, 0x77))).isEqualTo(new MagProMessage.Raw(bytes(6, 50,
                40, 0x77)));
        MagProMessage raw = MagProCodec.decodeMessage(bytes(240, 1));
        assertThat(raw.id()).isEqualTo(240);
        assertThat(raw).hasToString("Raw[f0 01]");
    }

    @Test
    void shortPayloadsNameTheMessageAndTheMissingField() {
        assertThatThrownBy(() -> MagProCodec.decodeMessage(bytes(0, 0x77, 1, 2)))
                .isInstanceOf(MagProProtocolException.class)
                .hasMessage("status message 0 of 4 bytes ends before its serial number (byte 2)");
        assertThatThrownBy(() -> MagProCodec.decodeMessage(bytes(2, 84, 56)))
                .hasMessageContaining("pulse message 2 of 3 bytes ends before its status byte");
        assertThatThrownBy(() -> MagProCodec.decodeMessage(new byte[0])).hasMessageContaining("no message id");
        assertThatThrownBy(() -> MagProCodec.decodeMessage(bytes(9, 0, 3, 3, 0, 1, 7, 0, 0, 0)))
                .hasMessageContaining("burst code 7");
    }

    @Test
    void bytesAfterTheKnownFieldsAreIgnored() {
        assertThat(MagProCodec.decodeMessage(bytes(1, 62, 0, 0x77, 9, 9)))
                .isEqualTo(new MagProMessage.AmplitudeChanged(62, 0, STATUS));
    }

    @Test
    void everyMessageSurvivesARoundTrip() {
        for (MagProMessage m : allMessages()) {
            assertThat(MagProCodec.decodeMessage(m.toPayload())).as("%s", m).isEqualTo(m);
        }
        assertThat(new MagProMessage.Status(STATUS, 1, 2, 3, 4, 5).toPayload()).hasSize(9);
        assertThat(longStatus().toPayload()).hasSize(15);
        assertThat(MagProMessage.Waveform.of(3, MagProMode.TWIN, MagProCurrentDirection.NORMAL,
                MagProWaveform.BIPHASIC, 2, 30, 100, 0).toPayload()).hasSize(10);
    }

    @Test
    void everyCommandSurvivesARoundTripThroughTheDeviceSide() {
        List<MagProCommand> commands = List.of(new MagProCommand.GetStatus(), new MagProCommand.SetAmplitudes(70, 35),
                new MagProCommand.SetEnabled(true), new MagProCommand.SetEnabled(false), new MagProCommand.Trigger(),
                new MagProCommand.GetLongStatus(), new MagProCommand.SetPage(MagProPage.PROTOCOL),
                new MagProCommand.SetDelays(9, -1000, 3000), new MagProCommand.GetWaveform(),
                new MagProCommand.SetWaveform(MagProModel.R30_OPTION, MagProMode.TWIN, MagProCurrentDirection.NORMAL,
                        MagProWaveform.MONOPHASIC, 4, 25, 65));
        for (MagProCommand c : commands) {
            assertThat(MagProCodec.decodeCommand(c.toPayload())).as("%s", c)
                    .isEqualTo(new MagProCommandFromHost.Known(c));
        }
    }

    @Test
    void theDeviceSideAcceptsTheShortAmplitudeFormAndKeepsUnknownCommands() {
        assertThat(MagProCodec.decodeCommand(bytes(1, 42))).isEqualTo(new MagProCommandFromHost.AmplitudeA(42));
        assertThat(MagProCodec.decodeCommand(bytes(6, 0, 10, 0, 5, 0, 1, 0, 10)))
                .isEqualTo(new MagProCommandFromHost.Unknown(bytes(6, 0, 10, 0, 5, 0, 1, 0, 10)));
        assertThatThrownBy(() -> MagProCodec.decodeCommand(bytes(1, 101, 0)))
                .isInstanceOf(MagProProtocolException.class).hasMessageContaining("amplitude A 101");
        assertThatThrownBy(() -> MagProCodec.decodeCommand(bytes(9, 1, 3, 3, 0, 1, 3, 0, 103, 0, 100)))
                .isInstanceOf(MagProProtocolException.class).hasMessageContaining("10.3 ms");
        assertThatThrownBy(() -> MagProCodec.decodeCommand(bytes(2, 7))).hasMessageContaining("flag 7");
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void framesOfEveryMessageDecodeInAnyChunking(Chunking chunking) {
        List<MagProMessage> messages = allMessages();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        messages.forEach(m -> wire.writeBytes(MagProFrameEncoder.encode(m.toPayload())));
        List<MagProMessage> decoded = new ArrayList<>();
        List<FramingException> errors = new ArrayList<>();
        MagProFrameDecoder decoder = new MagProFrameDecoder();
        FrameSink sink = new FrameSink() {
            @Override
            public void onFrame(byte[] payload) {
                decoded.add(MagProCodec.decodeMessage(payload));
            }

            @Override
            public void onError(FramingException error) {
                errors.add(error);
            }
        };
        chunking.chunks(wire.toByteArray()).forEach(chunk -> decoder.feed(chunk, sink));

        assertThat(errors).isEmpty();
        assertThat(decoded).containsExactlyElementsOf(messages);
    }

    @Test
    void theStatusReplyFrameIsThirteenBytesAsPeersExpect() {
        byte[] frame = MagProFrameEncoder.encode(new MagProMessage.Status(STATUS, 0xFEFFFE, 24, 60, 50, 0).toPayload());
        assertThat(frame).hasSize(13);
        assertThat(MagProFrameEncoder.encode(longStatus().toPayload())).hasSize(19);
    }

    private static List<MagProMessage> allMessages() {
        return List.of(new MagProMessage.Status(STATUS, 0xFEFFFE, 255, 0, 100, 0), longStatus(),
                new MagProMessage.AmplitudeChanged(100, 0, STATUS), new MagProMessage.PulseFired(140, 0, STATUS),
                new MagProMessage.Temperature(41, 72, STATUS), new MagProMessage.Mep(0xFFFF_FFFFL, 0, 21_000),
                new MagProMessage.Page(8, false, STATUS),
                MagProMessage.Waveform.of(3, MagProMode.DUAL, MagProCurrentDirection.REVERSE, MagProWaveform.BIPHASIC,
                        5, 1000, 100, 30),
                new MagProMessage.Delays(1000, -1000, 10000), new MagProMessage.Timing(0, 1000, 1000, 500, 1200),
                new MagProMessage.StimulusCount(65_535), new MagProMessage.Raw(bytes(0xF1, 0xFE, 0xFF)));
    }

    private static MagProMessage.LongStatus longStatus() {
        return new MagProMessage.LongStatus(new MagProMessage.Status(STATUS, 7, 30, 60, 40, 30), 40, 30, 100, 100,
                MagProPage.MEP.code(), true);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
