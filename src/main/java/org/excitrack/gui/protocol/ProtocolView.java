package org.excitrack.gui.protocol;

import javafx.scene.Node;
import org.excitrack.gui.common.FxmlView;
import org.excitrack.gui.common.Screen;

/** The Protocol step: a thin view over {@link ProtocolViewModel}. */
public final class ProtocolView implements Screen {
    private final ProtocolViewModel model;
    private final Node root;

    public ProtocolView(ProtocolViewModel model) {
        this.model = model;
        this.root = FxmlView.load(this, "Protocol.fxml");
    }

    @Override
    public Node node() {
        return root;
    }
}
