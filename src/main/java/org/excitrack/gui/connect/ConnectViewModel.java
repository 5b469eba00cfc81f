package org.excitrack.gui.connect;

import org.excitrack.gui.common.Workstation;

/** The Connect step's state and actions, testable without a stage. */
public final class ConnectViewModel {
    private final Workstation workstation;

    public ConnectViewModel(Workstation workstation) {
        this.workstation = workstation;
    }

    public Workstation workstation() {
        return workstation;
    }
}
