package org.excitrack.model.tms;

import java.util.Objects;

/**
 * Something that put, or must put, a stimulator in its safe (disarmed) state, with a message for the operator.
 */
public record StimulatorFault(Kind kind, String message) {
    public enum Kind {
        /** A reply that did not check out: wrong checksum, wrong length, wrong echo, garbage. */
        BAD_REPLY,
        /** No reply in time. */
        NO_REPLY,
        /** The stimulator refused a command (error reply). */
        REFUSED,
        /** The stimulator left remote control (front panel took over, watchdog, or a reset). */
        REMOTE_CONTROL_LOST,
        /** Coil over temperature, coil missing or to be replaced. */
        COIL,
        /** The stimulator reports an error of its own. */
        STIMULATOR_ERROR,
        /** A value read back differs from what was sent. */
        READ_BACK_MISMATCH,
        /** The serial link closed or failed. */
        LINK_LOST
    }

    public StimulatorFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
