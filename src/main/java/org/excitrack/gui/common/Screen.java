package org.excitrack.gui.common;

import javafx.scene.Node;

/** One step of the workflow as the shell shows it: a thin View over its ViewModel. */
public interface Screen {
    Node node();

    /** Called each time the screen comes into view (e.g. to refresh lists). */
    default void shown() {
    }
}
