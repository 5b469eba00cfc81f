package org.excitrack.gui.common;

import javafx.scene.control.Labeled;

/** Messages that take no room until they have something to say. */
public final class Visibility {
    private Visibility() {
    }

    public static void onlyWithText(Labeled label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
