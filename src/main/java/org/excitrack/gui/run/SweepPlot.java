package org.excitrack.gui.run;

import java.util.function.Supplier;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * The latest sweep, channel 0 in µV against time in ms, with the window the response was measured in shaded: a
 * glance shows whether the window sits on the CMAP or MEP. A 10 kHz sweep is reduced to min/max per pixel column.
 */
final class SweepPlot extends CanvasPlot {
    /** From this many µV the axis is labelled in mV. */
    static final double MILLIVOLT_AXIS_FROM = 1000;

    private final Supplier<SweepFrame> source;
    private final MinMaxDecimator columns = new MinMaxDecimator(MAX_COLUMNS);
    private SweepFrame shown;
    private SweepFrame drawn;

    /** @param source the latest sweep, read once per frame; null while there is none */
    SweepPlot(Supplier<SweepFrame> source) {
        super("sweep-plot");
        this.source = source;
    }

    @Override
    boolean changed() {
        shown = source.get();
        return shown != drawn;
    }

    @Override
    void draw(GraphicsContext g) {
        drawn = shown;
        SweepFrame f = shown;
        if (f == null || f.microvolts().length == 0) {
            message(g, "The latest sweep appears here once the run has started.");
            return;
        }
        double x0 = f.startMicros() / 1000;
        double x1 = f.endMicros() / 1000;
        double[] range = range(f.microvolts());
        // a CMAP is read in mV, a small MEP or the baseline in µV: the axis follows the sweep's size
        double scale = Math.max(Math.abs(range[0]), Math.abs(range[1])) >= MILLIVOLT_AXIS_FROM ? 1000 : 1;
        double y0 = range[0] / scale;
        double y1 = range[1] / scale;
        g.save();
        clipToPlot(g);
        double w0 = xPixel(f.windowStartMicros() / 1000.0, x0, x1);
        double w1 = xPixel(f.windowEndMicros() / 1000.0, x0, x1);
        g.setFill(PlotTheme.WINDOW);
        g.fillRect(w0, TOP, w1 - w0, plotHeight());
        g.restore();
        axes(g, x0, x1, y0, y1, "ms", scale == 1 ? "µV" : "mV");
        g.save();
        clipToPlot(g);
        trace(g, f, x0, x1, y0 * scale, y1 * scale);
        g.restore();
        g.setFill(PlotTheme.INK);
        g.setFont(PlotTheme.LABEL);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(f.label(), LEFT + plotWidth(), TOP / 2);
        g.setFill(PlotTheme.ACCENT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("measured", Math.max(LEFT, w0) + 4, TOP + 4);
    }

    private void trace(GraphicsContext g, SweepFrame f, double x0, double x1, double y0, double y1) {
        double[] v = f.microvolts();
        int n = columns.evenly(v, v.length, columns());
        double columnMs = (x1 - x0) / n;
        g.setStroke(PlotTheme.INK);
        g.setLineWidth(1.25);
        g.beginPath();
        boolean started = false;
        for (int c = 0; c < n; c++) {
            double lo = columns.min(c);
            if (Double.isNaN(lo)) {
                continue;
            }
            double px = xPixel(x0 + (c + 0.5) * columnMs, x0, x1);
            double yLo = yPixel(lo, y0, y1);
            double yHi = yPixel(columns.max(c), y0, y1);
            if (!started) {
                g.moveTo(px, yLo);
                started = true;
            } else {
                g.lineTo(px, yLo);
            }
            if (yHi != yLo) {
                g.lineTo(px, yHi);
            }
        }
        g.stroke();
    }

    /** The data's range with a margin, never narrower than ±20 µV so a flat trace is not blown up into noise. */
    static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double mid = (lo + hi) / 2;
        double half = Math.max(20, (hi - lo) / 2 * 1.1);
        return new double[] {mid - half, mid + half};
    }
}
