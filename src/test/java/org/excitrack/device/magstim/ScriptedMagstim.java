package org.excitrack.device.magstim;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.excitrack.codec.magstim.InstrumentStatus;
import org.excitrack.codec.magstim.MagstimCommand;
import org.excitrack.codec.magstim.MagstimCommandDecoder;
import org.excitrack.codec.magstim.MagstimReply;
import org.excitrack.codec.magstim.RapidParameterLayout;
import org.excitrack.transport.Link;
import org.excitrack.transport.PipeLink;

/**
 * A scripted peer for the driver's own tests: a BiStim² that answers plausibly unless the script says otherwise,
 * in the MockWebServer pattern (the test decides each reply; {@link #heard} lists what came). Real time.
 */
final class ScriptedMagstim implements AutoCloseable {
    final List<MagstimCommand> heard = new CopyOnWriteArrayList<>();
    final Link hostSide;
    private final Link deviceSide;
    private final Thread thread;
    private volatile Function<MagstimCommand, MagstimReply> script;
    volatile int powerA = 30;
    volatile int powerB = 30;
    volatile int status = 0x89;

    ScriptedMagstim(Function<MagstimCommand, MagstimReply> overrides) {
        PipeLink[] ends = PipeLink.pair("scripted:magstim");
        this.hostSide = ends[0];
        this.deviceSide = ends[1];
        this.script = overrides;
        this.thread = new Thread(this::serve, "scripted-magstim");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The reply of a well-behaved BiStim² in standby under remote control. */
    MagstimReply plausible(MagstimCommand c) {
        InstrumentStatus s = new InstrumentStatus(status);
        if (c instanceof MagstimCommand.GetParameters) {
            return new MagstimReply.Parameters(s, powerA, powerB, 10);
        }
        if (c instanceof MagstimCommand.GetTemperature) {
            return new MagstimReply.Temperature(s, 240, 240);
        }
        if (c instanceof MagstimCommand.GetSystemMode) {
            return new MagstimReply.SystemMode(s, '3');
        }
        if (c instanceof MagstimCommand.SetPowerA p) {
            powerA = p.percent();
        }
        if (c instanceof MagstimCommand.SetPowerB p) {
            powerB = p.percent();
        }
        return new MagstimReply.Status(c.code(), s);
    }

    private void serve() {
        MagstimCommandDecoder decoder = new MagstimCommandDecoder(RapidParameterLayout.V7);
        byte[] buffer = new byte[64];
        while (true) {
            int n = deviceSide.read(buffer, 0, buffer.length);
            if (n < 0) {
                return;
            }
            decoder.feed(buffer, 0, n, message -> {
                if (message instanceof MagstimCommandDecoder.HostMessage.Valid v) {
                    heard.add(v.command());
                    MagstimReply r = script.apply(v.command());
                    if (r == null) {
                        r = plausible(v.command());
                    }
                    deviceSide.write(r.encode());
                }
            });
        }
    }

    @Override
    public void close() {
        deviceSide.close();
    }
}
