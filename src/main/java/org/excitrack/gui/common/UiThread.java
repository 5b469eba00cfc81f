package org.excitrack.gui.common;

import javafx.application.Platform;

/**
 * Where ViewModels publish state: the FX application thread in the workstation, the calling thread in ViewModel
 * tests (which run without a stage).
 */
@FunctionalInterface
public interface UiThread {
    void run(Runnable action);

    static UiThread fx() {
        return action -> {
            if (Platform.isFxApplicationThread()) {
                action.run();
            } else {
                Platform.runLater(action);
            }
        };
    }

    static UiThread direct() {
        return Runnable::run;
    }
}
