package org.excitrack.gui.connect;

import javafx.scene.Node;
import org.excitrack.gui.common.FxmlView;
import org.excitrack.gui.common.Screen;

/** The Connect step: a thin view over {@link ConnectViewModel}. */
public final class ConnectView implements Screen {
    private final ConnectViewModel model;
    private final Node root;

    public ConnectView(ConnectViewModel model) {
        this.model = model;
        this.root = FxmlView.load(this, "Connect.fxml");
    }

    @Override
    public Node node() {
        return root;
    }
}
