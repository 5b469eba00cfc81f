package org.excitrack.gui.review;

import javafx.scene.Node;
import org.excitrack.gui.common.FxmlView;
import org.excitrack.gui.common.Screen;

/** The Review step: a thin view over {@link ReviewViewModel}. */
public final class ReviewView implements Screen {
    private final ReviewViewModel model;
    private final Node root;

    public ReviewView(ReviewViewModel model) {
        this.model = model;
        this.root = FxmlView.load(this, "Review.fxml");
    }

    @Override
    public Node node() {
        return root;
    }
}
