package org.excitrack.sim;

import java.util.Random;
import org.excitrack.transport.Link;
import org.excitrack.transport.TransportException;

/**
 * A link that misbehaves on the way to the unit, seeded so a failure can be replayed: it flips a bit in some
 * frames, drops others, stalls before some, and can be pulled out after a number of writes (a disconnect).
 */
final class FaultyLink implements Link {
    private final Link inner;
    private final Random random;
    private final double corrupt;
    private final double drop;
    private final double stall;
    private final long stallMillis;
    private final int disconnectAfterWrites;
    private int writes;
    private volatile boolean pulledOut;
    int corrupted;
    int dropped;
    int stalled;

    FaultyLink(Link inner, long seed, double corrupt, double drop, double stall, long stallMillis,
               int disconnectAfterWrites) {
        this.inner = inner;
        this.random = new Random(seed);
        this.corrupt = corrupt;
        this.drop = drop;
        this.stall = stall;
        this.stallMillis = stallMillis;
        this.disconnectAfterWrites = disconnectAfterWrites;
    }

    @Override
    public String description() {
        return "faulty " + inner.description();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (pulledOut) {
            throw new TransportException("cable pulled out");
        }
        return inner.read(buffer, offset, length);
    }

    @Override
    public synchronized void write(byte[] data) {
        if (pulledOut) {
            throw new TransportException("cable pulled out");
        }
        writes++;
        if (disconnectAfterWrites > 0 && writes >= disconnectAfterWrites) {
            pulledOut = true;
            inner.close();
            throw new TransportException("cable pulled out");
        }
        double r = random.nextDouble();
        if (r < drop) {
            dropped++;
            return;
        }
        if (r < drop + corrupt) {
            corrupted++;
            byte[] copy = data.clone();
            int i = random.nextInt(copy.length);
            copy[i] ^= (byte) (1 << random.nextInt(8));
            inner.write(copy);
            return;
        }
        if (r < drop + corrupt + stall) {
            stalled++;
            try {
                Thread.sleep(stallMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        inner.write(data);
    }

    @Override
    public void close() {
        pulledOut = true;
        inner.close();
    }
}
