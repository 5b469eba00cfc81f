package org.excitrack.transport;

import java.util.Optional;
import org.excitrack.model.VirtualClock;

/** A link to a simulator that runs in virtual time: the bytes of {@code inner}, plus the simulator's clock. */
public final class VirtualTimeLink implements Link {
    private final Link inner;
    private final VirtualClock clock;

    public VirtualTimeLink(Link inner, VirtualClock clock) {
        this.inner = inner;
        this.clock = clock;
    }

    @Override
    public String description() {
        // a link already in virtual time (re-wrapped to feed a watchdog while waiting) says so once
        return inner.virtualClock().isPresent() ? inner.description() : inner.description() + " (virtual time)";
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        return inner.read(buffer, offset, length);
    }

    @Override
    public void write(byte[] data) {
        inner.write(data);
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public Optional<VirtualClock> virtualClock() {
        return Optional.of(clock);
    }
}
