package org.excitrack.sim;

import java.util.function.BooleanSupplier;
import org.excitrack.transport.Link;
import org.excitrack.transport.TransportException;
import org.slf4j.Logger;

/**
 * A simulated device's side of its link: read until the link ends, handing each chunk to the device's frame
 * decoder. A link lost while the device was not closing is logged as the device would notice it.
 */
public final class LinkReader {
    /** Bytes as read: {@code buffer[0..length)}. */
    @FunctionalInterface
    public interface Chunks {
        void feed(byte[] buffer, int length);
    }

    private LinkReader() {
    }

    public static void readUntilEnd(Link link, BooleanSupplier closing, Chunks chunks, String device, Logger log) {
        byte[] buffer = new byte[4096];
        try {
            while (!closing.getAsBoolean()) {
                int n = link.read(buffer, 0, buffer.length);
                if (n < 0) {
                    return;
                }
                chunks.feed(buffer, n);
            }
        } catch (TransportException e) {
            if (!closing.getAsBoolean()) {
                log.warn("{} lost its link {}: {}", device, link.description(), e.getMessage());
            }
        }
    }
}
