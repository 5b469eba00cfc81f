package org.excitrack.sim.magstim;

import org.excitrack.sim.ManualScheduler;
import java.util.ArrayList;
import java.util.List;
import org.excitrack.codec.magstim.BaseMode;
import org.excitrack.codec.magstim.InstrumentStatus;
import org.excitrack.codec.magstim.MagstimCommand;
import org.excitrack.codec.magstim.MagstimCommandDecoder;
import org.excitrack.codec.magstim.MagstimProtocolException;
import org.excitrack.codec.magstim.MagstimReply;
import org.excitrack.codec.magstim.MagstimReplyDecoder;
import org.excitrack.codec.magstim.RapidParameterLayout;
import org.excitrack.model.tms.StimulatorModel;

/**
 * A virtual Magstim on the test's thread and clock: commands go in as the bytes a host sends, replies come back
 * decoded by the same decoder the driver uses.
 */
final class MagstimBench {
    final ManualScheduler clock = new ManualScheduler();
    final VirtualMagstim magstim;
    final List<byte[]> raw = new ArrayList<>();
    private final MagstimCommandDecoder commands = new MagstimCommandDecoder(RapidParameterLayout.V7);

    MagstimBench(VirtualMagstimConfig config) {
        magstim = new VirtualMagstim(config, clock, raw::add);
    }

    MagstimBench(StimulatorModel model) {
        this(VirtualMagstimConfig.of(model));
    }

    /** Sends {@code command} and returns the reply, or null if none came. */
    MagstimReply send(MagstimCommand command) {
        return sendBytes(command.encode(), command);
    }

    MagstimReply sendBytes(byte[] bytes, MagstimCommand expected) {
        int before = raw.size();
        commands.feed(bytes, magstim::onHostMessage);
        if (raw.size() == before) {
            return null;
        }
        MagstimReplyDecoder decoder = new MagstimReplyDecoder();
        decoder.expect(expected);
        List<Object> got = new ArrayList<>();
        decoder.feed(raw.get(raw.size() - 1), new MagstimReplyDecoder.Sink() {
            @Override
            public void onReply(MagstimCommand command, MagstimReply reply) {
                got.add(reply);
            }

            @Override
            public void onError(MagstimCommand command, MagstimProtocolException error) {
                got.add(error);
            }

            @Override
            public void onIgnoredByte(int value) {
            }
        });
        if (got.size() != 1 || !(got.get(0) instanceof MagstimReply)) {
            throw new AssertionError("reply to " + expected.describe() + " did not decode: " + got);
        }
        return (MagstimReply) got.get(0);
    }

    /** Sends {@code command} and returns the reply's bytes as sent, or null if none came. */
    byte[] sendRaw(MagstimCommand command) {
        int before = raw.size();
        commands.feed(command.encode(), magstim::onHostMessage);
        return raw.size() == before ? null : raw.get(raw.size() - 1);
    }

    InstrumentStatus keepAlive() {
        return statusOf(send(new MagstimCommand.EnableRemote()));
    }

    MagstimReply arm() {
        return send(new MagstimCommand.SetBaseMode(BaseMode.ARM));
    }

    MagstimReply fire() {
        return send(new MagstimCommand.SetBaseMode(BaseMode.FIRE));
    }

    /** Lets {@code micros} of simulated time pass with a keep-alive every 500 ms, as a driver would. */
    void passKeptAlive(long micros) {
        long end = clock.nowMicros() + micros;
        while (clock.nowMicros() < end) {
            clock.advanceMicros(Math.min(500_000, end - clock.nowMicros()));
            keepAlive();
        }
    }

    static InstrumentStatus statusOf(MagstimReply reply) {
        return reply.instrumentStatus().orElseThrow(() -> new AssertionError("no status in " + reply));
    }
}
