package org.excitrack.gui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;

/** Loads a view's FXML from the view's own resource package, with the view as its controller, and its CSS beside it. */
public final class FxmlView {
    private FxmlView() {
    }

    public static <N extends Node> N load(Object controller, String fxml) {
        Class<?> owner = controller.getClass();
        URL url = owner.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("missing " + fxml + " beside " + owner.getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(controller);
        try {
            N node = loader.load();
            URL css = owner.getResource(fxml.replace(".fxml", ".css"));
            if (css != null && node instanceof Parent parent) {
                parent.getStylesheets().add(css.toExternalForm());
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + url, e);
        }
    }
}
