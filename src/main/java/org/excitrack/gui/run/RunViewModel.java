package org.excitrack.gui.run;

import org.excitrack.gui.common.Workstation;

/** The Run step's state and actions, testable without a stage. */
public final class RunViewModel {
    private final Workstation workstation;

    public RunViewModel(Workstation workstation) {
        this.workstation = workstation;
    }

    public Workstation workstation() {
        return workstation;
    }
}
