package org.excitrack.transport;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-memory full-duplex byte pipe: two linked ends, each a {@link Link}. Used to run the simulator
 * in-process over exactly the bytes a serial port would carry. Bounded: a writer blocks if the reader
 * falls more than {@value #CAPACITY_CHUNKS} writes behind.
 */
public final class PipeLink implements Link {
    private static final int CAPACITY_CHUNKS = 4096;
    private static final byte[] CLOSED = new byte[0];

    private final String description;
    private final BlockingQueue<byte[]> incoming;
    private final BlockingQueue<byte[]> outgoing;
    private final AtomicBoolean closed;
    private byte[] pending;
    private int pendingOffset;

    private PipeLink(String description, BlockingQueue<byte[]> incoming, BlockingQueue<byte[]> outgoing,
                     AtomicBoolean closed) {
        this.description = description;
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.closed = closed;
    }

    /** Two connected ends: what one writes, the other reads. Closing either closes both. */
    public static PipeLink[] pair(String description) {
        BlockingQueue<byte[]> aToB = new ArrayBlockingQueue<>(CAPACITY_CHUNKS);
        BlockingQueue<byte[]> bToA = new ArrayBlockingQueue<>(CAPACITY_CHUNKS);
        AtomicBoolean closed = new AtomicBoolean();
        return new PipeLink[] {
            new PipeLink(description, bToA, aToB, closed),
            new PipeLink(description + " (device side)", aToB, bToA, closed)
        };
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        try {
            if (pending == null) {
                if (closed.get() && incoming.isEmpty()) {
                    return -1;
                }
                pending = incoming.poll(READ_POLL_MILLIS, TimeUnit.MILLISECONDS);
                pendingOffset = 0;
                if (pending == null) {
                    return 0;
                }
                if (pending == CLOSED) {
                    pending = null;
                    return -1;
                }
            }
            int n = Math.min(length, pending.length - pendingOffset);
            System.arraycopy(pending, pendingOffset, buffer, offset, n);
            pendingOffset += n;
            if (pendingOffset == pending.length) {
                pending = null;
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void write(byte[] data) {
        if (closed.get()) {
            throw new TransportException(description + " is closed");
        }
        try {
            outgoing.put(data.clone());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while writing to " + description, e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            incoming.offer(CLOSED);
            outgoing.offer(CLOSED);
        }
    }
}
