package org.excitrack.gui.run;

import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.text.TextAlignment;

/**
 * What both live plots share: a Canvas that follows its pane's size, the plot area inside the axes' margins,
 * grid and tick labels, and the message shown while there is nothing to draw. Subclasses say when their data
 * changed and draw the data; this class redraws only then, or after a resize.
 */
abstract class CanvasPlot implements TracePlot {
    static final double LEFT = 56;
    static final double RIGHT = 14;
    static final double TOP = 26;
    static final double BOTTOM = 30;
    /** Wider than any screen's plot area, so one decimator serves every size. */
    static final int MAX_COLUMNS = 4096;

    private final Pane pane = new Pane();
    private final Canvas canvas = new Canvas();
    private boolean resized = true;

    CanvasPlot(String styleClass) {
        pane.getStyleClass().addAll("live-plot", styleClass);
        pane.getChildren().add(canvas);
        pane.setMinSize(200, 120);
        pane.widthProperty().addListener((o, a, b) -> resize());
        pane.heightProperty().addListener((o, a, b) -> resize());
    }

    private void resize() {
        canvas.setWidth(Math.floor(pane.getWidth()));
        canvas.setHeight(Math.floor(pane.getHeight()));
        resized = true;
    }

    @Override
    public final Node node() {
        return pane;
    }

    @Override
    public final boolean redraw() {
        if (!changed() && !resized) {
            return false;
        }
        resized = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(PlotTheme.PANEL);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (plotWidth() < 10 || plotHeight() < 10) {
            return true;
        }
        draw(g);
        return true;
    }

    /** Whether the data changed since the last draw; may take a snapshot of it for {@link #draw}. */
    abstract boolean changed();

    abstract void draw(GraphicsContext g);

    double plotWidth() {
        return canvas.getWidth() - LEFT - RIGHT;
    }

    double plotHeight() {
        return canvas.getHeight() - TOP - BOTTOM;
    }

    /** Pixel columns of the plot area: what the data is reduced to. */
    int columns() {
        return (int) Math.max(1, Math.min(MAX_COLUMNS, Math.floor(plotWidth())));
    }

    double xPixel(double x, double x0, double x1) {
        return LEFT + (x - x0) / (x1 - x0) * plotWidth();
    }

    double yPixel(double y, double y0, double y1) {
        return TOP + plotHeight() - (y - y0) / (y1 - y0) * plotHeight();
    }

    void message(GraphicsContext g, String text) {
        g.setFill(PlotTheme.MUTED);
        g.setFont(PlotTheme.TITLE);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    /** Grid, frame and tick labels for data ranges {@code [x0, x1]} × {@code [y0, y1]}, and the axes' titles. */
    void axes(GraphicsContext g, double x0, double x1, double y0, double y1, String xTitle, String yTitle) {
        g.setLineWidth(1);
        g.setFont(PlotTheme.LABEL);
        double xStep = AxisTicks.step(x0, x1, Math.max(2, (int) (plotWidth() / 90)));
        double yStep = AxisTicks.step(y0, y1, Math.max(2, (int) (plotHeight() / 30)));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (double x = AxisTicks.first(x0, xStep); x <= x1 + 1e-9; x += xStep) {
            double px = Math.round(xPixel(x, x0, x1)) + 0.5;
            g.setStroke(PlotTheme.GRID);
            g.strokeLine(px, TOP, px, TOP + plotHeight());
            g.setFill(PlotTheme.MUTED);
            g.fillText(AxisTicks.label(x, xStep), px, TOP + plotHeight() + 4);
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double y = AxisTicks.first(y0, yStep); y <= y1 + 1e-9; y += yStep) {
            double py = Math.round(yPixel(y, y0, y1)) + 0.5;
            g.setStroke(PlotTheme.GRID);
            g.strokeLine(LEFT, py, LEFT + plotWidth(), py);
            g.setFill(PlotTheme.MUTED);
            g.fillText(AxisTicks.label(y, yStep), LEFT - 6, py);
        }
        g.setStroke(PlotTheme.AXIS);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, plotWidth(), plotHeight());
        g.setFill(PlotTheme.MUTED);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(xTitle, LEFT + plotWidth(), canvas.getHeight() - 1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(yTitle, 6, TOP / 2);
    }

    /** Keeps drawing inside the plot area. */
    void clipToPlot(GraphicsContext g) {
        g.beginPath();
        g.rect(LEFT, TOP, plotWidth(), plotHeight());
        g.clip();
    }
}
