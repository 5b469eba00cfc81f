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
    private static final double ROW_HEIGHT = 28;
    private static final double HEADER_HEIGHT = 34;
    private static final double MAX_WIDTH = 760;

    private final TableView<MagneticResults.Value> table = new TableView<>();

    MagneticTable() {
        table.setId("review-magnetic");
        table.getStyleClass().add("variables-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // as tall as its rows: a motor threshold alone should not sit atop an empty grid
        table.setFixedCellSize(ROW_HEIGHT);
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(table.getItems()).multiply(ROW_HEIGHT)
                .add(HEADER_HEIGHT));
        table.setMaxWidth(MAX_WIDTH);
        table.setPlaceholder(new javafx.scene.control.Label("No magnetic threshold was found"));
        table.getColumns().setAll(List.of(
                column("Measure", 300, false, MagneticResults.Value::name),
                column("Point", 150, false, MagneticResults.Value::point),
                column("Value", 100, true, v -> String.format(Locale.ROOT, "%.1f %s", v.value(), v.unit())),
                column("Standard error", 120, true, v -> v.standardError()
                        .map(se -> String.format(Locale.ROOT, "\u00b1 %.1f", se)).orElse(""))));
    }

    TableView<MagneticResults.Value> node() {
        return table;
    }

    void show(List<MagneticResults.Value> values) {
        table.getItems().setAll(values);
    }

    private static TableColumn<MagneticResults.Value, String> column(String title, double width, boolean number,
            Function<MagneticResults.Value, String> text) {
        TableColumn<MagneticResults.Value, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        if (number) {
            c.getStyleClass().add("number-column");
        }
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return c;
    }
}
