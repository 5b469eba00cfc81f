package org.excitrack.gui.protocol;

import org.excitrack.gui.common.Workstation;

/** The Protocol step's state and actions, testable without a stage. */
public final class ProtocolViewModel {
    private final Workstation workstation;

    public ProtocolViewModel(Workstation workstation) {
        this.workstation = workstation;
    }

    public Workstation workstation() {
        return workstation;
    }
}
