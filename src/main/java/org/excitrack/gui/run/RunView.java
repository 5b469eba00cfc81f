package org.excitrack.gui.run;

import javafx.scene.Node;
import org.excitrack.gui.common.FxmlView;
import org.excitrack.gui.common.Screen;

/** The Run step: a thin view over {@link RunViewModel}. */
public final class RunView implements Screen {
    private final RunViewModel model;
    private final Node root;

    public RunView(RunViewModel model) {
        this.model = model;
        this.root = FxmlView.load(this, "Run.fxml");
    }

    @Override
    public Node node() {
        return root;
    }
}
