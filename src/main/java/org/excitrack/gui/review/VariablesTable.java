package org.excitrack.gui.review;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.excitrack.service.ComparisonService;
import org.excitrack.service.ReviewService;

/**
 * The variables as a table grouped under the figure's panels: value with its unit, the healthy mean ± SD at the
 * subject's age and z, a flagged value in the theme's warning colour; with a comparison, each earlier recording's
 * value and the change since it in place of the normal mean ± SD. Group headings are rows of their own (not a tree) so no indentation takes width
 * from the names.
 */
final class VariablesTable {
    /** A group heading (line null) or a variable. */
    record Row(String group, ReviewService.Line line) {
        boolean heading() {
            return line == null;
        }
    }

    private static final double VALUE_WIDTH = 78;
    private static final double NORMAL_WIDTH = 108;
    private static final double Z_WIDTH = 52;
    private static final double EARLIER_WIDTH = 84;
    private static final double CHANGE_WIDTH = 76;
    /** The vertical scroll bar and the table's insets. */
    private static final double CHROME = 28;
    private static final double MIN_NAME_WIDTH = 160;

    private final TableView<Row> table = new TableView<>();

    VariablesTable() {
        table.setId("review-variables");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new javafx.scene.control.Label("No variables"));
        table.getStyleClass().add("variables-table");
    }

    TableView<Row> node() {
        return table;
    }

    void show(List<ReviewService.Line> lines, List<ReviewService.Comparison> comparisons) {
        TableColumn<Row, String> name = column("Variable", MIN_NAME_WIDTH, false,
                r -> r.heading() ? r.group() : r.line().name());
        List<TableColumn<Row, String>> columns = new ArrayList<>(List.of(name,
                column("Value", VALUE_WIDTH, true, r -> withUnit(Numbers.format(r.line().value()), r.line().unit()))));
        double fixed = VALUE_WIDTH + Z_WIDTH;
        // while comparing, the change takes the normal range's place: z still says how far from normal it is
        if (comparisons.isEmpty()) {
            columns.add(column("Normal\nmean \u00b1 SD", NORMAL_WIDTH, false,
                    r -> Numbers.meanSd(r.line().normalMean(), r.line().normalSd())));
            fixed += NORMAL_WIDTH;
        }
        columns.add(column("z", Z_WIDTH, true, r -> Numbers.z(r.line().z())));
        for (ReviewService.Comparison c : comparisons) {
            String when = c.earlier().created().map(ReviewViewLabels::date).orElse(c.earlier().file().getFileName()
                    .toString());
            columns.add(column(when, EARLIER_WIDTH, false, r -> earlier(c, r.line())));
            columns.add(column("\u0394 since", CHANGE_WIDTH, false, r -> change(c, r.line())));
            fixed += EARLIER_WIDTH + CHANGE_WIDTH;
        }
        // the names take the room the numbers leave, and the table scrolls sideways rather than squeeze them
        double numbers = fixed;
        name.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(MIN_NAME_WIDTH, table.getWidth() - numbers - CHROME), table.widthProperty()));
        table.getColumns().setAll(columns);
        List<Row> rows = new ArrayList<>();
        String group = null;
        for (ReviewService.Line l : lines) {
            if (!l.group().equals(group)) {
                group = l.group();
                rows.add(new Row(group, null));
            }
            rows.add(new Row(group, l));
        }
        table.getItems().setAll(rows);
    }

    /** The unit beside the value, where the eye reads it ("0.547 ms"); none for a ratio. */
    static String withUnit(String value, String unit) {
        return unit.isEmpty() || value.equals(Numbers.MISSING) ? value : value + " " + unit;
    }

    private static String earlier(ReviewService.Comparison c, ReviewService.Line line) {
        ComparisonService.VariableChange change = c.changes().get(line.key());
        return change == null ? Numbers.MISSING : Numbers.format(change.a());
    }

    private static String change(ReviewService.Comparison c, ReviewService.Line line) {
        ComparisonService.VariableChange change = c.changes().get(line.key());
        return change == null ? Numbers.MISSING : Numbers.signed(change.difference());
    }

    /**
     * @param flags whether a flagged variable's cell takes the warning colour (value and z: where the eye looks)
     */
    private static TableColumn<Row, String> column(String title, double width, boolean flags, Function<Row, String> text) {
        boolean names = title.equals("Variable");
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(cell -> {
            Row r = cell.getValue();
            return new ReadOnlyStringWrapper(r.heading() && !names ? "" : text.apply(r));
        });
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                Row r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                getStyleClass().removeAll("flagged", "group-heading", "number", "indented");
                setTooltip(null);
                if (r != null && r.heading()) {
                    getStyleClass().add("group-heading");
                } else if (r != null) {
                    getStyleClass().add(names ? "indented" : "number");
                    if (names) {
                        setTooltip(new Tooltip(item));
                    }
                    if (flags && r.line().flagged()) {
                        getStyleClass().add("flagged");
                    }
                }
            }
        });
        return c;
    }
}
