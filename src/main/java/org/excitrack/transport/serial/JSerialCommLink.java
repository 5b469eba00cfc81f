package org.excitrack.transport.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.excitrack.transport.Link;
import org.excitrack.transport.TransportException;

/**
 * A {@link Link} over a real serial port (8N1, no flow control) through jSerialComm, the one library we
 * keep at arm's length: every -1/false it returns becomes a {@link TransportException} on the spot, with a
 * message a user can act on, because jSerialComm's error code is only meaningful right after the failure.
 *
 * <p>Reads use jSerialComm's semi-blocking mode with a {@value Link#READ_POLL_MILLIS} ms timeout only so
 * that the reader comes back regularly to notice {@link #close()}; callers keep their own deadlines, since
 * the port's timeouts have decisecond granularity on Linux and macOS.
 *
 * <p>{@link #close()} waits for a read in progress to return (at most about one poll period) before it
 * closes the port, so that jSerialComm never closes a descriptor under a native read. It does not wait for
 * a write in progress, which a stalled port could hold forever.
 */
public final class JSerialCommLink implements Link {
    /**
     * Ports this process holds. jSerialComm reports a second open of a port in the same process as error 2,
     * which is also "no such file", so we refuse it ourselves with the right reason.
     */
    private static final Set<String> OPEN_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final SerialPort port;
    private final String path;
    private final String key;
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReentrantLock readLock = new ReentrantLock();
    private final Object writeLock = new Object();

    private JSerialCommLink(SerialPort port, String path, String key, int baudRate) {
        this.port = port;
        this.path = path;
        this.key = key;
        this.description = "serial:" + path + " (" + baudRate + " baud)";
    }

    /**
     * Opens {@code path} (e.g. {@code /dev/ttyUSB0}, {@code COM3}) at {@code baudRate}, 8N1, no flow control.
     *
     * @throws TransportException saying why the port cannot be opened: missing, no permission, in use…
     */
    public static JSerialCommLink open(String path, int baudRate) {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new TransportException(SerialErrorMessages.doesNotExist(path), e);
        }
        port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_POLL_MILLIS, 0);
        String key = SerialErrorMessages.WINDOWS
                ? port.getSystemPortPath().toUpperCase(Locale.ROOT) : port.getSystemPortPath();
        if (!OPEN_IN_THIS_PROCESS.add(key)) {
            throw new TransportException(SerialErrorMessages.alreadyOpenHere(path));
        }
        if (!port.openPort()) {
            int code = port.getLastErrorCode();
            int location = port.getLastErrorLocation();
            OPEN_IN_THIS_PROCESS.remove(key);
            throw new TransportException(SerialErrorMessages.cannotOpen(path, code, location));
        }
        return new JSerialCommLink(port, path, key, baudRate);
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
            int n = port.readBytes(buffer, length, offset);
            if (n >= 0) {
                return n;
            }
            if (closed.get()) {
                return -1;
            }
            throw new TransportException(SerialErrorMessages.failedDuringUse(
                    path, "reading", port.getLastErrorCode(), port.getLastErrorLocation()));
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public void write(byte[] data) {
        synchronized (writeLock) {
            if (closed.get()) {
                throw new TransportException(description + " is closed");
            }
            if (data.length == 0) {
                return;
            }
            int n = port.writeBytes(data, data.length, 0);
            if (n == data.length) {
                return;
            }
            if (closed.get()) {
                throw new TransportException(description + " was closed while writing");
            }
            int code = port.getLastErrorCode();
            int location = port.getLastErrorLocation();
            String what = n < 0 ? "writing" : "writing (only " + n + " of " + data.length + " bytes went out)";
            throw new TransportException(SerialErrorMessages.failedDuringUse(path, what, code, location));
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        readLock.lock();
        try {
            port.closePort();
        } finally {
            OPEN_IN_THIS_PROCESS.remove(key);
            readLock.unlock();
        }
    }

    /**
     * Turns jSerialComm's raw error codes (errno on Linux and macOS, GetLastError on Windows) into sentences.
     * The native source line is kept in brackets: it tells a maintainer which system call failed.
     */
    static final class SerialErrorMessages {
        private static final boolean WINDOWS =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        private static final boolean MAC =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");

        private SerialErrorMessages() {
        }

        static String doesNotExist(String path) {
            return "serial port " + path + " does not exist; `excitrack ports` lists the ports found";
        }

        static String alreadyOpenHere(String path) {
            return "serial port " + path + " is already open in this program; close the other connection first";
        }

        static String cannotOpen(String path, int code, int location) {
            return switch (classify(code)) {
                case MISSING -> doesNotExist(path);
                case NO_PERMISSION -> "no permission to open serial port " + path
                        + (WINDOWS ? "" : MAC ? "; check the device's owner and mode (ls -l " + path + ")"
                        : "; add your user to the dialout group (sudo usermod -aG dialout $USER) "
                                + "and log in again");
                case BUSY -> "serial port " + path + " is in use by another program; close it and try again";
                case GONE -> "serial port " + path + " is not responding; is the device unplugged or off?";
                case NOT_A_PORT -> path + " is not a serial port; `excitrack ports` lists the ports found";
                case OTHER -> "cannot open serial port " + path + detail(code, location);
            };
        }

        /**
         * Code 0 is end-of-file on a port that reports no data waiting: on Linux, how a hung-up terminal
         * (a USB adapter pulled out) answers a read.
         */
        static String failedDuringUse(String path, String action, int code, int location) {
            if (code == 0 || classify(code) == Kind.GONE) {
                return "lost serial port " + path + " while " + action
                        + ": the device was unplugged or switched off" + detail(code, location);
            }
            return "serial port " + path + " failed while " + action + detail(code, location);
        }

        private static String detail(int code, int location) {
            return " (system error " + code + " at jSerialComm native line " + location + ")";
        }

        private enum Kind { MISSING, NO_PERMISSION, BUSY, GONE, NOT_A_PORT, OTHER }

        private static Kind classify(int code) {
            if (WINDOWS) {
                return switch (code) {
                    case 2, 3, 123 -> Kind.MISSING;          // FILE_NOT_FOUND, PATH_NOT_FOUND, INVALID_NAME
                    case 5 -> Kind.BUSY;                     // ACCESS_DENIED: how Windows says "already open"
                    case 31, 433, 995, 1167 -> Kind.GONE;    // GEN_FAILURE, NO_SUCH_DEVICE, ABORTED, NOT_CONNECTED
                    default -> Kind.OTHER;
                };
            }
            return switch (code) {
                case 2 -> Kind.MISSING;                      // ENOENT
                case 1, 13 -> Kind.NO_PERMISSION;            // EPERM, EACCES
                case 16 -> Kind.BUSY;                        // EBUSY (TIOCEXCL)
                case 5, 6, 19 -> Kind.GONE;                  // EIO, ENXIO, ENODEV
                case 25 -> Kind.NOT_A_PORT;                  // ENOTTY: a plain file or other non-terminal
                default -> code == (MAC ? 35 : 11) ? Kind.BUSY : Kind.OTHER; // EWOULDBLOCK from flock
            };
        }
    }
}
