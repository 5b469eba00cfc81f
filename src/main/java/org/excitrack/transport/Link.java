package org.excitrack.transport;

/**
 * A bidirectional byte stream to a device. Implementations own exactly one port.
 *
 * <p>One reader thread calls {@link #read}; any thread may call {@link #write} (implementations serialise
 * writes so that one call's bytes are never interleaved with another's). {@link #close} may be called from
 * any thread and wakes a blocked reader.
 */
public interface Link extends AutoCloseable {
    /** What this link is connected to, for messages, e.g. {@code serial:/dev/ttyUSB0 (921600 baud)}. */
    String description();

    /**
     * Reads what is available, waiting at most about {@link #READ_POLL_MILLIS} for the first byte.
     *
     * @return the number of bytes read, 0 if none arrived in time, or -1 once the link is closed
     * @throws TransportException if the port fails (unplugged, I/O error)
     */
    int read(byte[] buffer, int offset, int length);

    /** Writes all bytes or throws. */
    void write(byte[] data);

    @Override
    void close();

    /** The simulated clock behind this link, when the far end is a simulator running in virtual time. */
    default java.util.Optional<org.excitrack.model.VirtualClock> virtualClock() {
        return java.util.Optional.empty();
    }

    /** Upper bound on how long {@link #read} blocks before returning 0, so readers notice close promptly. */
    int READ_POLL_MILLIS = 100;
}
