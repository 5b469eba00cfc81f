package org.excitrack.gui.subject;

import javafx.scene.Node;
import org.excitrack.gui.common.FxmlView;
import org.excitrack.gui.common.Screen;

/** The Subject step: a thin view over {@link SubjectViewModel}. */
public final class SubjectView implements Screen {
    private final SubjectViewModel model;
    private final Node root;

    public SubjectView(SubjectViewModel model) {
        this.model = model;
        this.root = FxmlView.load(this, "Subject.fxml");
    }

    @Override
    public Node node() {
        return root;
    }
}
