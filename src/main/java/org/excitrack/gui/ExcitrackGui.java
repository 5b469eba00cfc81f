package org.excitrack.gui;

import javafx.application.Application;
import org.excitrack.gui.shell.WorkstationApp;

/**
 * Starts the bedside workstation. A plain class, so the jar's entry point never has to be a JavaFX
 * {@code Application} (which fails on the class path, architecture.md).
 */
public final class ExcitrackGui {
    private ExcitrackGui() {
    }

    /** Blocks until the window is closed. */
    public static void launch(GuiOptions options) {
        WorkstationApp.startWith(options);
        Application.launch(WorkstationApp.class);
    }
}
