package org.excitrack.sim;

import java.util.Optional;
import org.excitrack.model.VirtualClock;
import org.excitrack.transport.Link;

/**
 * The controller's end of an in-process simulated unit. Closing it closes the unit at once, on the caller's thread,
 * rather than when the unit's reader thread next notices the pipe closed: a stimulator opened right after must not
 * find that unit still listed as open and wire itself to a unit whose threads are gone.
 */
final class ServedLink implements Link {
    private final Link link;
    private final UnitServer server;

    ServedLink(Link link, UnitServer server) {
        this.link = link;
        this.server = server;
    }

    @Override
    public String description() {
        return link.description();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        return link.read(buffer, offset, length);
    }

    @Override
    public void write(byte[] data) {
        link.write(data);
    }

    @Override
    public Optional<VirtualClock> virtualClock() {
        return link.virtualClock();
    }

    @Override
    public void close() {
        link.close();
        server.close();
    }
}
