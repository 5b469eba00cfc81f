package org.excitrack.gui.review;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.transform.Affine;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.report.ExcitabilityFigure;
import org.excitrack.report.ReportContent;

/**
 * The classic excitability figure, filling whatever room the layout gives it: the canvas takes the pane's pixel
 * size and the figure is drawn again at that size (never a stretched bitmap), at most once per layout pass.
 */
final class FigurePane extends Region {
    /**
     * Page units per cell below which labels would crowd the data or the key's longest line would leave its cell;
     * the report's cells are about 260 × 160.
     */
    static final double MIN_CELL_WIDTH = 245;
    static final double MIN_CELL_HEIGHT = 140;
    /** Room above the first row's titles and right of the last column, in page units. */
    static final double MARGIN = 6;
    /** Text stays readable (the report's 6.5-pt ticks at ≥ 10 px) but never grows into a poster. */
    static final double MIN_SCALE = 1.0;
    static final double MAX_SCALE = 2.0;

    private final Canvas canvas = new Canvas();
    private ReportContent content;
    private List<ExcitabilityRecording> earlier = List.of();
    private int draws;

    FigurePane() {
        getStyleClass().add("figure");
        getChildren().add(canvas);
        setMinSize(300, 240);
    }

    void show(ReportContent content, List<ExcitabilityRecording> earlier) {
        this.content = content;
        this.earlier = List.copyOf(earlier);
        redraw();
    }

    /** How many times the figure was drawn: a resize redraws once, not once per property change. */
    int draws() {
        return draws;
    }

    Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(new Affine());
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (content == null || canvas.getWidth() < 60 || canvas.getHeight() < 60) {
            return;
        }
        int columns = columns(canvas.getWidth(), canvas.getHeight());
        double scale = scale(canvas.getWidth(), canvas.getHeight(), columns);
        g.save();
        g.scale(scale, scale);
        ExcitabilityFigure.draw(new FxReportCanvas(g), content.recording(), earlier, content.norms(), 0, MARGIN,
                canvas.getWidth() / scale - MARGIN, canvas.getHeight() / scale - MARGIN, columns);
        g.restore();
        draws++;
    }

    /** Three columns (two rows of panels) or two (three rows, as the report page): whichever draws larger. */
    static int columns(double width, double height) {
        return fit(width, height, 3) > fit(width, height, 2) ? 3 : 2;
    }

    private static double fit(double width, double height, int columns) {
        int rows = (6 + columns - 1) / columns;
        return Math.min(width / (columns * MIN_CELL_WIDTH), height / (rows * MIN_CELL_HEIGHT));
    }

    /** Pixels per page unit: as large as the cells allow, within the readable range. */
    static double scale(double width, double height, int columns) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, fit(width, height, columns)));
    }
}
