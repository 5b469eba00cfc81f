package org.excitrack.sim.magventure;

import java.util.Map;
import org.excitrack.device.magventure.MagProStimulator;
import org.excitrack.transport.Link;
import org.excitrack.transport.PipeLink;
import org.excitrack.transport.VirtualTimeLink;

/** A virtual MagPro in virtual time on one end of a pipe, the driver on the other: what a test stands on. */
final class VirtualMagProBench implements AutoCloseable {
    static final String PORT = "sim:magpro";
    final MagProServer server;
    final Link hostEnd;

    private VirtualMagProBench(MagProServer server, Link hostEnd) {
        this.server = server;
        this.hostEnd = hostEnd;
    }

    static VirtualMagProBench inVirtualTime(Map<String, String> parameters) {
        PipeLink[] ends = PipeLink.pair(PORT);
        MagProServer server = MagProServer.startInVirtualTime(ends[1], MagProSimConfig.fromParameters(parameters));
        return new VirtualMagProBench(server, new VirtualTimeLink(ends[0], server.clock().orElseThrow()));
    }

    static VirtualMagProBench inRealTime(Map<String, String> parameters) {
        PipeLink[] ends = PipeLink.pair(PORT);
        return new VirtualMagProBench(MagProServer.start(ends[1], MagProSimConfig.fromParameters(parameters)), ends[0]);
    }

    MagProStimulator connect() {
        return MagProStimulator.connect(hostEnd, PORT);
    }

    @Override
    public void close() {
        hostEnd.close();
        server.close();
    }
}
