package org.excitrack.bench;

/** How long bytes take on a UART: 8N1 sends a start bit, 8 data bits and a stop bit per byte. */
final class WireTime {
    static final int BITS_PER_BYTE_8N1 = 10;

    private WireTime() {
    }

    static double micros(long bytes, long baud) {
        return bytes * BITS_PER_BYTE_8N1 * 1e6 / baud;
    }
}
