package org.excitrack.service;

import java.util.Locale;
import org.excitrack.device.DeviceTimeoutException;
import org.excitrack.device.NotAnAcquisitionUnitException;
import org.excitrack.device.StimulatorException;
import org.excitrack.device.VersionMismatchException;
import org.excitrack.model.tms.StimulatorFault;
import org.excitrack.transport.PortUriException;
import org.excitrack.transport.TransportException;

/**
 * Why a device could not be reached or checked, sorted into the few cases a technician acts on differently
 * (fix the address, plug the cable in, close the other program, switch the device on, pick the other port), with
 * the lower layer's own message, which already names the port and the cause.
 */
public final class ConnectionException extends RuntimeException {
    /** Which device failed. */
    public enum Device {
        UNIT("Acquisition unit"), STIMULATOR("Magnetic stimulator");

        private final String title;

        Device(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** What went wrong, as the technician acts on it. */
    public enum Problem {
        BAD_ADDRESS("the port address is not valid"),
        NOT_FOUND("port not found"),
        BUSY("port busy"),
        NO_PERMISSION("no permission to open the port"),
        UNAVAILABLE("port cannot be opened"),
        NO_REPLY("no reply"),
        WRONG_DEVICE("wrong device on this port"),
        DEVICE_ERROR("the device reported a problem");

        private final String phrase;

        Problem(String phrase) {
            this.phrase = phrase;
        }

        public String phrase() {
            return phrase;
        }
    }

    private final Device device;
    private final Problem problem;

    public ConnectionException(Device device, Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.device = device;
        this.problem = problem;
    }

    public Device device() {
        return device;
    }

    public Problem problem() {
        return problem;
    }

    /** One line for the screen: "Acquisition unit: port busy". */
    public String headline() {
        return device.title() + ": " + problem.phrase();
    }

    /** Sorts a failure of the lower layers; anything else is not a connection problem and is returned as is. */
    static RuntimeException classify(Device device, RuntimeException e) {
        if (e instanceof ConnectionException) {
            return e;
        }
        Problem problem = problemOf(e);
        return problem == null ? e : new ConnectionException(device, problem, e.getMessage(), e);
    }

    private static Problem problemOf(RuntimeException e) {
        if (e instanceof PortUriException) {
            return Problem.BAD_ADDRESS;
        }
        if (e instanceof TransportException) {
            return transportProblem(e.getMessage());
        }
        if (e instanceof DeviceTimeoutException) {
            return Problem.NO_REPLY;
        }
        if (e instanceof NotAnAcquisitionUnitException || e instanceof VersionMismatchException) {
            return Problem.WRONG_DEVICE;
        }
        if (e instanceof StimulatorException s) {
            StimulatorFault.Kind kind = s.fault().kind();
            return kind == StimulatorFault.Kind.NO_REPLY ? Problem.NO_REPLY
                    : kind == StimulatorFault.Kind.BAD_REPLY ? Problem.WRONG_DEVICE
                    : kind == StimulatorFault.Kind.LINK_LOST ? Problem.UNAVAILABLE : Problem.DEVICE_ERROR;
        }
        if (e instanceof org.excitrack.device.DeviceException) {
            return Problem.DEVICE_ERROR;
        }
        return null;
    }

    /**
     * The transport says what went wrong only in its message (one class for every failure to open), so the
     * kind is read from the words its serial layer uses for each case.
     */
    static Problem transportProblem(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("does not exist") || m.contains("is not a serial port")) {
            return Problem.NOT_FOUND;
        }
        if (m.contains("in use") || m.contains("already open")) {
            return Problem.BUSY;
        }
        if (m.contains("no permission")) {
            return Problem.NO_PERMISSION;
        }
        if (m.contains("not responding") || m.contains("unplugged")) {
            return Problem.NO_REPLY;
        }
        return Problem.UNAVAILABLE;
    }
}
