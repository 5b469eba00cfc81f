package org.excitrack.gui.review;

import org.excitrack.gui.common.Workstation;

/** The Review step's state and actions, testable without a stage. */
public final class ReviewViewModel {
    private final Workstation workstation;

    public ReviewViewModel(Workstation workstation) {
        this.workstation = workstation;
    }

    public Workstation workstation() {
        return workstation;
    }
}
