package org.excitrack.gui.subject;

import org.excitrack.gui.common.Workstation;

/** The Subject step's state and actions, testable without a stage. */
public final class SubjectViewModel {
    private final Workstation workstation;

    public SubjectViewModel(Workstation workstation) {
        this.workstation = workstation;
    }

    public Workstation workstation() {
        return workstation;
    }
}
