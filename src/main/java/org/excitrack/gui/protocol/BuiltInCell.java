package org.excitrack.gui.protocol;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.excitrack.service.ProtocolService;

/** One built-in protocol in the list: its name and what it takes on one line, what it measures below. */
final class BuiltInCell extends ListCell<ProtocolService.BuiltIn> {
    @Override
    protected void updateItem(ProtocolService.BuiltIn protocol, boolean empty) {
        super.updateItem(protocol, empty);
        setText(null);
        if (empty || protocol == null) {
            setGraphic(null);
            return;
        }
        Label name = new Label(protocol.name());
        name.getStyleClass().add("built-in-name");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label estimate = new Label(PreviewText.estimate(protocol));
        estimate.getStyleClass().add("built-in-estimate");
        estimate.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, name, gap, estimate);
        top.setAlignment(Pos.BASELINE_LEFT);
        Label description = new Label(protocol.description());
        description.getStyleClass().add("built-in-description");
        description.setWrapText(true);
        VBox box = new VBox(3, top, description);
        if (getListView() != null) {
            // wrapped text needs a width to wrap at: the list's, less its padding and scroll bar
            box.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
            box.maxWidthProperty().bind(box.prefWidthProperty());
        }
        // a cell asking for no width of its own: the list never scrolls sideways, the text wraps instead
        setPrefWidth(0);
        setGraphic(box);
    }
}
