package org.excitrack.device;

import org.excitrack.model.tms.StimulatorFault;

/** A magnetic stimulator could not do what was asked; the stimulator has been disarmed. */
public class StimulatorException extends DeviceException {
    private final transient StimulatorFault fault;

    public StimulatorException(StimulatorFault fault) {
        super(fault.message());
        this.fault = fault;
    }

    public StimulatorException(StimulatorFault fault, Throwable cause) {
        super(fault.message(), cause);
        this.fault = fault;
    }

    public StimulatorFault fault() {
        return fault;
    }
}
