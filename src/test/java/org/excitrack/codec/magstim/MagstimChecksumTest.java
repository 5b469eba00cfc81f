package org.excitrack.codec.magstim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every check-byte vector of tms.md §1.2, through the typed commands that send them. */
class MagstimChecksumTest {

    static Stream<Arguments> commandVectors() {
        return Stream.of(
                Arguments.of(new MagstimCommand.EnableRemote(), "Q@", 0x6E),
                Arguments.of(new MagstimCommand.DisableRemote(), "R@", 0x6D),
                Arguments.of(new MagstimCommand.GetParameters(), "J@", 0x75),
                Arguments.of(new MagstimCommand.GetTemperature(), "F@", 0x79),
                Arguments.of(new MagstimCommand.SetBaseMode(BaseMode.DISARM), "EA", 0x79),
                Arguments.of(new MagstimCommand.SetBaseMode(BaseMode.ARM), "EB", 0x78),
                Arguments.of(new MagstimCommand.SetBaseMode(BaseMode.FIRE), "EH", 0x72),
                Arguments.of(new MagstimCommand.SetHighResolutionInterval(true), "Y@", 0x66),
                Arguments.of(new MagstimCommand.SetHighResolutionInterval(false), "Z@", 0x65),
                Arguments.of(new MagstimCommand.GetSystemMode(), "X@", 0x67),
                Arguments.of(new MagstimCommand.SetPowerA(50), "@050", 0x2A),
                Arguments.of(new MagstimCommand.SetPowerA(0), "@000", 0x2F),
                Arguments.of(new MagstimCommand.SetPowerA(100), "@100", 0x2E),
                Arguments.of(new MagstimCommand.SetPowerB(30), "A030", 0x2B),
                Arguments.of(new MagstimCommand.SetInterval(10), "C010", 0x2B),
                Arguments.of(new MagstimCommand.SetInterval(30), "C030", 0x29));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("commandVectors")
    void commandsCarryTheDocumentedCheckByte(MagstimCommand command, String body, int check) {
        byte[] expected = (body + (char) check).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(command.encode()).containsExactly(expected);
        assertThat(MagstimChecksum.of(body.getBytes(StandardCharsets.US_ASCII))).isEqualTo(check);
    }

    @Test
    void theReplyVectorAndCboulaysIgnoreInterlockVectorCheckOut() {
        byte[] reply = {'J', (byte) 0x89, '0', '3', '0', '0', '3', '0', '0', '1', '0'};
        assertThat(MagstimChecksum.of(reply)).isEqualTo('u');
        assertThat(MagstimChecksum.of("b@".getBytes(StandardCharsets.US_ASCII))).isEqualTo(']');
        assertThat(new MagstimReply.Parameters(new InstrumentStatus(0x89), 30, 30, 10).encode())
                .containsExactly(MagstimChecksum.append(reply));
    }

    @Test
    void theSumWrapsAtEightBitsBeforeInversion() {
        byte[] ff = {(byte) 0xFF, (byte) 0xFF};
        assertThat(MagstimChecksum.of(ff)).isEqualTo(~0x1FE & 0xFF);
        assertThat(MagstimChecksum.of(new byte[0])).isEqualTo(0xFF);
    }

    @Test
    void describesCommandsForLogsAndMessages() {
        assertThat(new MagstimCommand.GetParameters().describe()).isEqualTo("J@ (get parameters)");
        assertThat(new MagstimCommand.SetPowerA(50).describe()).isEqualTo("@050 (set power A to 50 %)");
        assertThat(new InstrumentStatus(0x8C).describe()).isEqualTo("0x8c (ready, coil present, remote control)");
    }
}
