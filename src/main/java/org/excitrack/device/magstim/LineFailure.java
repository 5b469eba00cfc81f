package org.excitrack.device.magstim;

import org.excitrack.model.tms.StimulatorFault;

/** One exchange on the serial line went wrong; the message says what, for the fault the driver raises. */
final class LineFailure extends Exception {
    private final StimulatorFault.Kind kind;

    LineFailure(StimulatorFault.Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    StimulatorFault.Kind kind() {
        return kind;
    }
}
