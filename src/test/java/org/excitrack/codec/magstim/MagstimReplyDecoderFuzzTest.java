package org.excitrack.codec.magstim;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the reply decoder's contract: whatever bytes arrive, in whatever chunks, for whatever commands are
 * awaited, it never throws, answers each command at most once and in order, never holds more than its bound,
 * and every reply it accepts encodes back to a reply it would accept again.
 *
 * <p>A plain {@code mvn test} replays only the inputs under
 * {@code src/test/resources/org/excitrack/codec/magstim/MagstimReplyDecoderFuzzTestInputs/}; to fuzz for real
 * (see {@code ProtocolFuzzTest} for the details): {@code JAZZER_FUZZ=1 mvn -B test
 * -Dtest=MagstimReplyDecoderFuzzTest -Djazzer.max_duration=60s}.
 *
 * <p>The input's first byte (mod 9) is the number of awaited commands, each then chosen by one byte; the rest is
 * cut into chunks whose sizes the input also draws.
 */
class MagstimReplyDecoderFuzzTest {
    private static final int MAX_REPLY = 32;
    private static final MagstimCommand[] COMMANDS = {
        new MagstimCommand.EnableRemote(), new MagstimCommand.GetParameters(), new MagstimCommand.GetTemperature(),
        new MagstimCommand.GetSystemMode(), new MagstimCommand.GetVersion(), new MagstimCommand.GetSystemStatus(),
        new MagstimCommand.GetRapidParameters(RapidParameterLayout.BEFORE_V7),
        new MagstimCommand.GetRapidParameters(RapidParameterLayout.V9), new MagstimCommand.SetPowerA(42),
        new MagstimCommand.SetBaseMode(BaseMode.FIRE)};

    @FuzzTest(maxDuration = "5m")
    void decodesAnyBytesWithinItsContract(FuzzedDataProvider data) {
        List<MagstimCommand> awaited = new ArrayList<>();
        int count = data.consumeInt(0, 8);
        for (int i = 0; i < count; i++) {
            awaited.add(data.pickValue(COMMANDS));
        }
        MagstimReplyDecoder decoder = new MagstimReplyDecoder(MAX_REPLY);
        awaited.forEach(decoder::expect);
        RecordingSink sink = new RecordingSink();
        List<MagstimReply> accepted = new ArrayList<>();
        MagstimReplyDecoder.Sink checking = new MagstimReplyDecoder.Sink() {
            @Override
            public void onReply(MagstimCommand command, MagstimReply reply) {
                sink.onReply(command, reply);
                accepted.add(reply);
            }

            @Override
            public void onError(MagstimCommand command, MagstimProtocolException error) {
                assertThat(error.getMessage()).isNotBlank();
                sink.onError(command, error);
            }

            @Override
            public void onIgnoredByte(int value) {
                assertThat(value).isBetween(0, 255);
                sink.onIgnoredByte(value);
            }
        };
        while (data.remainingBytes() > 0) {
            byte[] chunk = data.consumeBytes(data.consumeInt(1, 16));
            decoder.feed(chunk, checking);
            assertThat(decoder.partialReplyBytes()).isLessThan(MAX_REPLY);
        }
        assertThat(sink.answered).isEqualTo(awaited.subList(0, sink.answered.size()));
        assertThat(decoder.awaitedCount()).isEqualTo(awaited.size() - sink.answered.size());
        for (int i = 0; i < accepted.size(); i++) {
            MagstimReply reply = accepted.get(i);
            MagstimCommand command = sink.answered.get(sink.outcomes.indexOf(reply));
            MagstimReplyDecoder again = new MagstimReplyDecoder(MAX_REPLY);
            again.expect(command);
            RecordingSink second = new RecordingSink();
            again.feed(reply.encode(), second);
            assertThat(second.outcomes).containsExactly(reply);
        }
    }
}
