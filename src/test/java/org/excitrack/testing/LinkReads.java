package org.excitrack.testing;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import org.excitrack.transport.Link;

/** Reading a known number of bytes from a link in tests, with a deadline instead of a sleep. */
public final class LinkReads {
    private LinkReads() {
    }

    /** Reads until {@code count} bytes arrived, asking for at most {@code maxChunk} bytes per read. */
    public static byte[] readExactly(Link link, int count, int maxChunk, long deadlineSeconds) {
        byte[] out = new byte[count];
        int got = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(deadlineSeconds);
        while (got < count) {
            int n = link.read(out, got, Math.min(maxChunk, count - got));
            if (n < 0) {
                fail("%s closed after %d of %d bytes", link.description(), got, count);
            }
            got += n;
            if (got < count && System.nanoTime() > deadline) {
                fail("only %d of %d bytes arrived from %s within %d s", got, count, link.description(),
                        deadlineSeconds);
            }
        }
        return out;
    }
}
