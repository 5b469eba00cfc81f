package org.excitrack.gui.review;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.excitrack.service.MagneticResults;

/** A TMS recording's motor thresholds (%MSO) and threshold changes (%), as the run's summary lists them. */
final class MagneticTable {
    private final TableView<MagneticResults.Value> table = new TableView<>();

    MagneticTable() {
        table.setId("review-magnetic");
        table.getStyleClass().add("variables-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new javafx.scene.control.Label("No magnetic threshold was found"));
        table.getColumns().setAll(List.of(
                column("Measure", 260, MagneticResults.Value::name),
                column("Point", 140, MagneticResults.Value::point),
                column("Value", 90, v -> String.format(Locale.ROOT, "%.1f", v.value())),
                column("Unit", 70, MagneticResults.Value::unit),
                column("Standard error", 120, v -> v.standardError()
                        .map(se -> String.format(Locale.ROOT, "\u00b1 %.1f", se)).orElse(""))));
    }

    TableView<MagneticResults.Value> node() {
        return table;
    }

    void show(List<MagneticResults.Value> values) {
        table.getItems().setAll(values);
    }

    private static TableColumn<MagneticResults.Value, String> column(String title, double width,
            Function<MagneticResults.Value, String> text) {
        TableColumn<MagneticResults.Value, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return c;
    }
}
