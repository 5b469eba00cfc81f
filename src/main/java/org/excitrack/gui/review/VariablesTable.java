package org.excitrack.gui.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import org.excitrack.service.ComparisonService;
import org.excitrack.service.ReviewService;

/**
 * The variables as a table grouped under the figure's panels: value, unit, the healthy mean ± SD at the subject's
 * age and z, a flagged value in the theme's warning colour; with a comparison, each earlier recording's value and the
 * change since it.
 */
final class VariablesTable {
    /** A group heading (line null) or a variable. */
    record Row(String group, ReviewService.Line line) {
    }

    private final TreeTableView<Row> table = new TreeTableView<>();

    VariablesTable() {
        table.setId("review-variables");
        table.setShowRoot(false);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new javafx.scene.control.Label("No variables"));
        table.getStyleClass().add("variables-table");
    }

    TreeTableView<Row> node() {
        return table;
    }

    void show(List<ReviewService.Line> lines, List<ReviewService.Comparison> comparisons) {
        table.getColumns().setAll(List.of(
                column("Variable", 210, false, r -> r.line() == null ? r.group() : r.line().name()),
                column("Value", 70, true, r -> Numbers.format(r.line().value())),
                column("Unit", 48, false, r -> r.line().unit()),
                column("Normal mean \u00b1 SD", 118, false,
                        r -> Numbers.meanSd(r.line().normalMean(), r.line().normalSd())),
                column("z", 48, true, r -> Numbers.z(r.line().z()))));
        for (ReviewService.Comparison c : comparisons) {
            String when = c.earlier().created().map(ReviewViewLabels::date).orElse(c.earlier().file().getFileName()
                    .toString());
            table.getColumns().add(column(when, 80, false, r -> earlier(c, r.line())));
            table.getColumns().add(column("\u0394", 64, false, r -> change(c, r.line())));
        }
        TreeItem<Row> root = new TreeItem<>(new Row("", null));
        Map<String, TreeItem<Row>> groups = new LinkedHashMap<>();
        for (ReviewService.Line l : lines) {
            groups.computeIfAbsent(l.group(), g -> {
                TreeItem<Row> item = new TreeItem<>(new Row(g, null));
                item.setExpanded(true);
                root.getChildren().add(item);
                return item;
            }).getChildren().add(new TreeItem<>(new Row(l.group(), l)));
        }
        table.setRoot(root);
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
    private static TreeTableColumn<Row, String> column(String title, double width, boolean flags,
                                                       Function<Row, String> text) {
        TreeTableColumn<Row, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(cell -> {
            Row r = cell.getValue().getValue();
            boolean heading = r.line() == null;
            return new ReadOnlyStringWrapper(heading ? (c.getText().equals("Variable") ? r.group() : "")
                    : text.apply(r));
        });
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                Row r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                getStyleClass().removeAll("flagged", "group-heading", "number");
                if (r != null && r.line() == null) {
                    getStyleClass().add("group-heading");
                } else if (r != null) {
                    if (!title.equals("Variable") && !title.equals("Unit")) {
                        getStyleClass().add("number");
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
