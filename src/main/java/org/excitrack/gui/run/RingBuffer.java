package org.excitrack.gui.run;

/**
 * A fixed number of (x, y) points, the oldest overwritten when full: the session's thread appends, the FX thread
 * copies out once per frame. Memory stays bounded however long a run lasts (style.md lesson 12), and a copy is a
 * few microseconds, so neither thread ever waits on the other for long.
 */
final class RingBuffer {
    private final double[] xs;
    private final double[] ys;
    private int next;
    private int size;
    private long version;

    RingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ring buffer capacity " + capacity + " must be at least 1");
        }
        xs = new double[capacity];
        ys = new double[capacity];
    }

    int capacity() {
        return xs.length;
    }

    synchronized void add(double x, double y) {
        xs[next] = x;
        ys[next] = y;
        next = (next + 1) % xs.length;
        size = Math.min(size + 1, xs.length);
        version++;
    }

    synchronized int size() {
        return size;
    }

    /** Bumped by every {@link #add}: a reader redraws only when it changed. */
    synchronized long version() {
        return version;
    }

    /**
     * Copies the points, oldest first, into {@code x} and {@code y} (each at least {@link #capacity()} long).
     *
     * @return how many points were copied
     */
    synchronized int copyTo(double[] x, double[] y) {
        int first = size < xs.length ? 0 : next;
        int tail = Math.min(size, xs.length - first);
        System.arraycopy(xs, first, x, 0, tail);
        System.arraycopy(ys, first, y, 0, tail);
        System.arraycopy(xs, 0, x, tail, size - tail);
        System.arraycopy(ys, 0, y, tail, size - tail);
        return size;
    }
}
