package org.excitrack.gui.connect;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.excitrack.service.ConnectionService;

/**
 * One sweep drawn on a Canvas (style.md lesson 12: never a stock LineChart for sweeps), reduced to one min–max
 * pair per pixel column so a long sweep costs no more than the width. Redrawn only when the sweep or the size
 * changes.
 */
final class SweepCanvas extends Region {
    /** The theme's colours (excitrack.css: -ex-accent, -ex-muted, -ex-line); a Canvas cannot read CSS variables. */
    private static final Color TRACE = Color.web("#2b6f8e");
    private static final Color MUTED = Color.web("#5b6b78");
    private static final Color GRID = Color.web("#e6ebef");
    private static final Color STIMULUS = Color.web("#b26a00");
    private static final double LEFT = 56;
    private static final double RIGHT = 12;
    private static final double TOP = 12;
    private static final double BOTTOM = 26;

    private final Canvas canvas = new Canvas();
    private ConnectionService.TestTrial trial;

    SweepCanvas() {
        getStyleClass().add("sweep");
        getChildren().add(canvas);
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
    }

    void show(ConnectionService.TestTrial trial) {
        this.trial = trial;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        if (plotW < 20 || plotH < 20) {
            return;
        }
        g.setFont(Font.font(11));
        if (trial == null) {
            g.setFill(MUTED);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("The sweep of the test stimulus appears here", w / 2, h / 2);
            return;
        }
        double[] v = trial.traceMicrovolts();
        double t0 = trial.traceStartMicros();
        double dt = trial.sampleIntervalMicros();
        double tEnd = t0 + dt * Math.max(1, v.length - 1);
        double range = niceRange(v);
        drawAxes(g, w, plotW, plotH, t0, tEnd, range);
        double xOnset = LEFT + (trial.onsetMicros() - t0) / (tEnd - t0) * plotW;
        g.setStroke(STIMULUS);
        g.setLineDashes(4, 4);
        g.strokeLine(xOnset, TOP, xOnset, TOP + plotH);
        g.setLineDashes();
        g.setStroke(TRACE);
        g.setLineWidth(1.5);
        int columns = (int) Math.ceil(plotW);
        g.beginPath();
        for (int col = 0; col < columns; col++) {
            int from = (int) ((long) col * v.length / columns);
            int to = Math.max(from + 1, (int) ((long) (col + 1) * v.length / columns));
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = from; i < Math.min(to, v.length); i++) {
                lo = Math.min(lo, v[i]);
                hi = Math.max(hi, v[i]);
            }
            double x = LEFT + col;
            double yHi = y(hi, range, plotH);
            double yLo = y(lo, range, plotH);
            if (col == 0) {
                g.moveTo(x, yHi);
            } else {
                g.lineTo(x, yHi);
            }
            g.lineTo(x, yLo);
        }
        g.stroke();
        g.setLineWidth(1);
    }

    private static void drawAxes(GraphicsContext g, double w, double plotW, double plotH, double t0, double tEnd,
                                 double range) {
        g.setStroke(GRID);
        g.setFill(MUTED);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        double stepMs = 5;
        for (double ms = Math.ceil(t0 / 1000 / stepMs) * stepMs; ms * 1000 <= tEnd + 1; ms += stepMs) {
            double x = LEFT + (ms * 1000 - t0) / (tEnd - t0) * plotW;
            g.strokeLine(x, TOP, x, TOP + plotH);
            g.fillText(String.format(Locale.ROOT, "%.0f", ms), x, TOP + plotH + 6);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("ms", w - RIGHT, TOP + plotH + 6);
        g.setTextBaseline(VPos.CENTER);
        for (double level : new double[] {range, 0, -range}) {
            double y = y(level, range, plotH);
            g.setStroke(level == 0 ? MUTED : GRID);
            g.strokeLine(LEFT, y, LEFT + plotW, y);
            g.fillText(label(level), LEFT - 6, y);
        }
    }

    private static double y(double microvolts, double range, double plotH) {
        return TOP + plotH / 2 - microvolts / range * (plotH / 2);
    }

    /** The smallest 1-2-5 step that holds the whole sweep, so the labels are round numbers. */
    static double niceRange(double[] v) {
        double peak = 1;
        for (double x : v) {
            peak = Math.max(peak, Math.abs(x));
        }
        double decade = Math.pow(10, Math.floor(Math.log10(peak)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade >= peak) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    private static String label(double microvolts) {
        return Math.abs(microvolts) >= 1000 ? String.format(Locale.ROOT, "%.0f mV", microvolts / 1000)
                : String.format(Locale.ROOT, "%.0f µV", microvolts);
    }
}
