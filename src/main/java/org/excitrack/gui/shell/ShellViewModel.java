package org.excitrack.gui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.excitrack.gui.common.Step;
import org.excitrack.gui.common.Workstation;

/** The frame around every step: where the technician is, what is connected, and the stop that is always there. */
public final class ShellViewModel {
    private final Workstation workstation;
    private final StringProperty message = new SimpleStringProperty("");

    public ShellViewModel(Workstation workstation) {
        this.workstation = workstation;
    }

    public Workstation workstation() {
        return workstation;
    }

    /** Moves to {@code target} if the workflow allows it now; returns whether it did. */
    public boolean go(Step target) {
        if (!workstation.canGo(target).get()) {
            return false;
        }
        workstation.stepProperty().set(target);
        return true;
    }

    public void emergencyStop() {
        if (workstation.runningProperty().get()) {
            message.set("Emergency stop sent: every output is off.");
        }
        workstation.emergencyStop();
    }

    public StringBinding devicesLine() {
        return Bindings.createStringBinding(() -> workstation.stimulatorPort()
                        .map(s -> workstation.unitDescriptionProperty().get() + "  ·  stimulator " + s)
                        .orElse(workstation.unitDescriptionProperty().get()),
                workstation.unitDescriptionProperty(), workstation.stimulatorPortProperty());
    }

    public StringProperty messageProperty() {
        return message;
    }
}
