package org.excitrack.codec.magstim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.excitrack.codec.magstim.MagstimCommandDecoder.HostMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The stimulator's side of the codec: what the simulator hears, over every chunking. */
class MagstimCommandDecoderTest {
    private static final List<MagstimCommand> EVERY_COMMAND = List.of(
            new MagstimCommand.SetPowerA(50), new MagstimCommand.SetPowerB(100), new MagstimCommand.SetInterval(25),
            new MagstimCommand.SetBaseMode(BaseMode.DISARM), new MagstimCommand.SetBaseMode(BaseMode.ARM),
            new MagstimCommand.SetBaseMode(BaseMode.FIRE), new MagstimCommand.EnableRemote(),
            new MagstimCommand.DisableRemote(), new MagstimCommand.SetHighResolutionInterval(true),
            new MagstimCommand.SetHighResolutionInterval(false), new MagstimCommand.GetParameters(),
            new MagstimCommand.GetTemperature(), new MagstimCommand.GetSystemMode(), new MagstimCommand.GetVersion(),
            new MagstimCommand.GetSystemStatus(), new MagstimCommand.GetRapidParameters(RapidParameterLayout.V7));

    static List<MagstimChunking> chunkings() {
        return List.of(MagstimChunking.WHOLE, MagstimChunking.ONE_BYTE_AT_A_TIME, MagstimChunking.randomSplits(1),
                MagstimChunking.randomSplits(7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunkings")
    void everyCommandRoundTrips(MagstimChunking chunking) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        EVERY_COMMAND.forEach(c -> stream.writeBytes(c.encode()));
        List<HostMessage> heard = hear(chunking, stream.toByteArray());
        assertThat(heard).containsExactlyElementsOf(EVERY_COMMAND.stream().map(HostMessage.Valid::new).toList());
    }

    @Test
    void aBadCheckByteUnknownBytesAndBadDataAreEachReported() {
        byte[] badCheck = new MagstimCommand.GetParameters().encode();
        badCheck[2] ^= 1;
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(badCheck);
        stream.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        stream.writeBytes(MagstimChecksum.append("@5x0".getBytes(StandardCharsets.US_ASCII)));
        stream.writeBytes(MagstimChecksum.append("EZ".getBytes(StandardCharsets.US_ASCII)));
        stream.writeBytes(MagstimChecksum.append("NX".getBytes(StandardCharsets.US_ASCII)));
        stream.writeBytes(MagstimChecksum.append("J#".getBytes(StandardCharsets.US_ASCII)));
        List<HostMessage> heard = hear(MagstimChunking.ONE_BYTE_AT_A_TIME, stream.toByteArray());
        assertThat(heard).containsExactly(
                new HostMessage.BadChecksum('J', 0x74, 0x75),
                new HostMessage.UnknownCommand('\r'),
                new HostMessage.UnknownCommand('\n'),
                new HostMessage.BadData('@', "'5x0' is not three digits"),
                new HostMessage.BadData('E', "mode byte 'Z' is none of A (disarm), B (arm), H (fire)"),
                new HostMessage.BadData('N', "version request needs D, not 'X'"),
                new HostMessage.Valid(new MagstimCommand.GetParameters()));
    }

    private static List<HostMessage> hear(MagstimChunking chunking, byte[] stream) {
        MagstimCommandDecoder decoder = new MagstimCommandDecoder(RapidParameterLayout.V7);
        List<HostMessage> heard = new ArrayList<>();
        for (byte[] chunk : chunking.chunks(stream, 0)) {
            decoder.feed(chunk, heard::add);
        }
        return heard;
    }
}
