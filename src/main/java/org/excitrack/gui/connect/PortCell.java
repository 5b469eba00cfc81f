package org.excitrack.gui.connect;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.excitrack.model.PortInfo;

/** One port in the list: its address, what the system calls it, and a badge so a simulator is never mistaken for a unit. */
final class PortCell extends ListCell<PortInfo> {
    @Override
    protected void updateItem(PortInfo port, boolean empty) {
        super.updateItem(port, empty);
        setText(null);
        if (empty || port == null) {
            setGraphic(null);
            return;
        }
        Label uri = new Label(port.uri());
        uri.getStyleClass().add("port-uri");
        HBox top = new HBox(8, uri);
        top.setAlignment(Pos.CENTER_LEFT);
        if (port.simulated()) {
            Label badge = new Label("simulated");
            badge.getStyleClass().add("port-badge");
            top.getChildren().add(badge);
        }
        port.usbVendorProduct().ifPresent(id -> {
            Label usb = new Label("USB " + id);
            usb.getStyleClass().add("hint");
            top.getChildren().add(usb);
        });
        Label description = new Label(port.description());
        description.getStyleClass().add("hint");
        description.setTextOverrun(OverrunStyle.ELLIPSIS);
        description.setMaxWidth(Double.MAX_VALUE);
        description.setMinWidth(0);
        VBox box = new VBox(2, top, description);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMinWidth(0);
        setPrefWidth(0);
        setGraphic(box);
    }
}
