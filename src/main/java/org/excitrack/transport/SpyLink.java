package org.excitrack.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every byte in both directions as hex at INFO on logger {@code excitrack.spy}, for field debugging. */
public final class SpyLink implements Link {
    private static final Logger LOG = LoggerFactory.getLogger("excitrack.spy");
    private final Link inner;

    public SpyLink(Link inner) {
        this.inner = inner;
    }

    @Override
    public java.util.Optional<org.excitrack.model.VirtualClock> virtualClock() {
        return inner.virtualClock();
    }

    @Override
    public String description() {
        return "spy:" + inner.description();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        int n = inner.read(buffer, offset, length);
        if (n > 0) {
            LOG.info("{} <- {}", inner.description(), Hex.format(buffer, offset, n));
        }
        return n;
    }

    @Override
    public void write(byte[] data) {
        LOG.info("{} -> {}", inner.description(), Hex.format(data, 0, data.length));
        inner.write(data);
    }

    @Override
    public void close() {
        inner.close();
    }
}
