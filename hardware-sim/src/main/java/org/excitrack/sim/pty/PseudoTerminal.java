package org.excitrack.sim.pty;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.excitrack.transport.Link;
import org.excitrack.transport.TransportException;

/**
 * A pseudo-terminal pair, so the simulator can appear to the controller exactly as a USB-serial device does:
 * the controller opens {@link #slavePath()} (e.g. {@code /dev/pts/4}) with jSerialComm, and the simulator
 * reads commands and writes replies through {@link #master()}.
 *
 * <p>We keep a slave descriptor of our own open for the pty's whole life. Linux reports EIO on the master
 * once no process holds the slave, and hangs the pair up on the slave's last close; holding it lets a
 * controller connect, disconnect and reconnect any number of times. Bytes the simulator writes while no
 * controller is connected wait in the slave's input queue and are read by the next controller.
 *
 * <p>Closing the pty (through {@link #close()} or the master link) hangs up any connected controller,
 * which sees it as a device being unplugged.
 */
public final class PseudoTerminal implements AutoCloseable {
    private final String slavePath;
    private final MasterLink master;

    private PseudoTerminal(String slavePath, MasterLink master) {
        this.slavePath = slavePath;
        this.master = master;
    }

    /**
     * Creates a raw (8-bit clean, no echo, no line editing) pseudo-terminal pair.
     *
     * @throws TransportException on Windows, or if the system refuses a pseudo-terminal
     */
    public static PseudoTerminal open() {
        Posix posix = Posix.forThisPlatform();
        Libc libc = Libc.INSTANCE;
        int masterFd = posix.check(libc.posix_openpt(Posix.O_RDWR | posix.oNoCtty), "posix_openpt");
        int slaveFd = -1;
        int[] wakePipe = {-1, -1};
        try {
            posix.check(libc.grantpt(masterFd), "grantpt");
            posix.check(libc.unlockpt(masterFd), "unlockpt");
            String slavePath = slaveName(masterFd, posix);
            slaveFd = posix.check(libc.open(slavePath, Posix.O_RDWR | posix.oNoCtty), "open " + slavePath);
            makeRaw(slaveFd, posix);
            makeRaw(masterFd, posix);
            int flags = posix.check(libc.fcntl(masterFd, Posix.F_GETFL), "fcntl(F_GETFL)");
            posix.check(libc.fcntl(masterFd, Posix.F_SETFL, flags | posix.oNonBlock), "fcntl(F_SETFL)");
            posix.check(libc.pipe(wakePipe), "pipe");
            return new PseudoTerminal(slavePath, new MasterLink(posix, slavePath, masterFd, slaveFd, wakePipe));
        } catch (TransportException e) {
            for (int fd : new int[] {masterFd, slaveFd, wakePipe[0], wakePipe[1]}) {
                if (fd >= 0) {
                    libc.close(fd);
                }
            }
            throw e;
        }
    }

    /** The device path a controller opens, e.g. {@code /dev/pts/4}; a port URI is {@code serial:} + this. */
    public String slavePath() {
        return slavePath;
    }

    /** The device side of the wire: reads what the controller sent, writes what the device replies. */
    public Link master() {
        return master;
    }

    @Override
    public void close() {
        master.close();
    }

    /** ptsname returns a static buffer, so concurrent opens must not interleave. */
    private static synchronized String slaveName(int masterFd, Posix posix) {
        String name = Libc.INSTANCE.ptsname(masterFd);
        if (name == null) {
            throw posix.failure("ptsname");
        }
        return name;
    }

    private static void makeRaw(int fd, Posix posix) {
        // Larger than any platform's struct termios (60 bytes on Linux, 72 on macOS), so we need not map it.
        try (Memory termios = new Memory(512)) {
            termios.clear();
            posix.check(Libc.INSTANCE.tcgetattr(fd, termios), "tcgetattr");
            Libc.INSTANCE.cfmakeraw(termios);
            posix.check(Libc.INSTANCE.tcsetattr(fd, Posix.TCSANOW, termios), "tcsetattr");
        }
    }

    /** The C library calls we need; sizes that follow the platform's word are {@link NativeLong}s. */
    interface Libc extends Library {
        Libc INSTANCE = Native.load(Platform.C_LIBRARY_NAME, Libc.class);

        int posix_openpt(int flags);

        int grantpt(int fd);

        int unlockpt(int fd);

        String ptsname(int fd);

        int open(String path, int flags);

        int close(int fd);

        /** Variadic in C; declared so, which matters on macOS on Apple silicon. */
        int fcntl(int fd, int command, Object... argument);

        int tcgetattr(int fd, Pointer termios);

        void cfmakeraw(Pointer termios);

        int tcsetattr(int fd, int optionalActions, Pointer termios);

        int pipe(int[] fds);

        int poll(Pointer fds, NativeLong count, int timeoutMillis);

        NativeLong read(int fd, Pointer buffer, NativeLong count);

        NativeLong write(int fd, Pointer buffer, NativeLong count);
    }

    /** The constants that differ between Linux and macOS, and errno handling. */
    static final class Posix {
        static final int O_RDWR = 2;
        static final int F_GETFL = 3;
        static final int F_SETFL = 4;
        static final int TCSANOW = 0;
        static final short POLLIN = 0x1;
        static final short POLLOUT = 0x4;
        static final short POLLERR = 0x8;
        static final short POLLHUP = 0x10;
        static final short POLLNVAL = 0x20;
        static final int EINTR = 4;

        final int oNoCtty;
        final int oNonBlock;
        final int eAgain;

        private Posix(int oNoCtty, int oNonBlock, int eAgain) {
            this.oNoCtty = oNoCtty;
            this.oNonBlock = oNonBlock;
            this.eAgain = eAgain;
        }

        static Posix forThisPlatform() {
            if (Platform.isLinux()) {
                return new Posix(0400, 04000, 11);
            }
            if (Platform.isMac()) {
                return new Posix(0x20000, 0x4, 35);
            }
            if (Platform.isWindows()) {
                throw new TransportException("pseudo-terminals need Linux or macOS; use sim:unit in-process instead");
            }
            throw new TransportException("pseudo-terminals are only supported on Linux and macOS, not on "
                    + System.getProperty("os.name") + "; use sim:unit in-process instead");
        }

        int check(int result, String call) {
            if (result < 0) {
                throw failure(call);
            }
            return result;
        }

        TransportException failure(String call) {
            int errno = Native.getLastError();
            return new TransportException("pseudo-terminal: " + call + " failed (errno " + errno + ")");
        }
    }

    /**
     * The master side as a {@link Link}. The master is non-blocking and every wait is a {@code poll(2)} that
     * also watches a wake-up pipe, so {@link #close()} releases a blocked reader or writer at once; the
     * descriptors are closed only after both have left, so no call ever uses a descriptor number the
     * system has already handed to someone else.
     */
    private static final class MasterLink implements Link {
        private static final int CHUNK_BYTES = 4096;

        private final Posix posix;
        private final Libc libc = Libc.INSTANCE;
        private final String description;
        private final int masterFd;
        private final int slaveFd;
        private final int wakeReadFd;
        private final int wakeWriteFd;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final ReentrantLock readLock = new ReentrantLock();
        private final ReentrantLock writeLock = new ReentrantLock();
        private final Memory readPoll = new Memory(16);
        private final Memory writePoll = new Memory(16);
        private final Memory readBuffer = new Memory(CHUNK_BYTES);
        private final Memory writeBuffer = new Memory(CHUNK_BYTES);

        MasterLink(Posix posix, String slavePath, int masterFd, int slaveFd, int[] wakePipe) {
            this.posix = posix;
            this.description = "pty:" + slavePath + " (device side)";
            this.masterFd = masterFd;
            this.slaveFd = slaveFd;
            this.wakeReadFd = wakePipe[0];
            this.wakeWriteFd = wakePipe[1];
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            readLock.lock();
            try {
                if (closed.get()) {
                    return -1;
                }
                if (!awaitReady(readPoll, Posix.POLLIN, READ_POLL_MILLIS)) {
                    return closed.get() ? -1 : 0;
                }
                long n = libc.read(masterFd, readBuffer, new NativeLong(Math.min(length, CHUNK_BYTES)))
                        .longValue();
                if (n < 0) {
                    int errno = Native.getLastError();
                    if (errno == posix.eAgain || errno == Posix.EINTR) {
                        return 0;
                    }
                    throw new TransportException(description + ": read failed (errno " + errno + ")");
                }
                readBuffer.read(0, buffer, offset, (int) n);
                return (int) n;
            } finally {
                readLock.unlock();
            }
        }

        @Override
        public void write(byte[] data) {
            writeLock.lock();
            try {
                int written = 0;
                while (written < data.length) {
                    if (closed.get()) {
                        throw new TransportException(description + " is closed");
                    }
                    int chunk = Math.min(data.length - written, CHUNK_BYTES);
                    writeBuffer.write(0, data, written, chunk);
                    long n = libc.write(masterFd, writeBuffer, new NativeLong(chunk)).longValue();
                    if (n >= 0) {
                        written += (int) n;
                        continue;
                    }
                    int errno = Native.getLastError();
                    if (errno == posix.eAgain) {
                        awaitReady(writePoll, Posix.POLLOUT, READ_POLL_MILLIS);
                    } else if (errno != Posix.EINTR) {
                        throw new TransportException(description + ": write failed (errno " + errno + ")");
                    }
                }
            } finally {
                writeLock.unlock();
            }
        }

        /** Waits until the master is ready for {@code events}; false on timeout or when woken by close. */
        private boolean awaitReady(Memory pollFds, short events, int timeoutMillis) {
            pollFds.setInt(0, masterFd);
            pollFds.setShort(4, events);
            pollFds.setShort(6, (short) 0);
            pollFds.setInt(8, wakeReadFd);
            pollFds.setShort(12, Posix.POLLIN);
            pollFds.setShort(14, (short) 0);
            int ready = libc.poll(pollFds, new NativeLong(2), timeoutMillis);
            if (ready < 0) {
                int errno = Native.getLastError();
                if (errno == Posix.EINTR) {
                    return false;
                }
                throw new TransportException(description + ": poll failed (errno " + errno + ")");
            }
            short masterEvents = pollFds.getShort(6);
            if (pollFds.getShort(14) != 0 || (masterEvents & Posix.POLLNVAL) != 0) {
                return false;
            }
            return (masterEvents & (events | Posix.POLLERR | Posix.POLLHUP)) != 0;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try (Memory one = new Memory(1)) {
                one.setByte(0, (byte) 1);
                libc.write(wakeWriteFd, one, new NativeLong(1));
            }
            readLock.lock();
            writeLock.lock();
            try {
                libc.close(masterFd);
                libc.close(slaveFd);
                libc.close(wakeReadFd);
                libc.close(wakeWriteFd);
                readPoll.close();
                writePoll.close();
                readBuffer.close();
                writeBuffer.close();
            } finally {
                writeLock.unlock();
                readLock.unlock();
            }
        }
    }
}
