package org.excitrack.report;

import java.util.ArrayList;
import java.util.List;

/** One panel's plotting area: data-to-page mapping, frame, ticks, labels, bands and curves. */
final class Plot {
    static final double TITLE_SIZE = 8.5;
    static final double LABEL_SIZE = 7;
    static final double TICK_SIZE = 6.5;

    private final Canvas canvas;
    private final double left;
    private final double top;
    private final double width;
    private final double height;
    private final Axis x;
    private final Axis y;

    /** @param left, top, width, height the data area, in page points */
    Plot(Canvas canvas, double left, double top, double width, double height, Axis x, Axis y) {
        this.canvas = canvas;
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.x = x;
        this.y = y;
    }

    double px(double v) {
        return left + x.fraction(v) * width;
    }

    double py(double v) {
        return top + (1 - y.fraction(v)) * height;
    }

    /** Light grid, axes with ticks, axis labels and the panel title (with its letter). */
    void frame(String letter, String title, String xLabel, String yLabel) {
        for (double t : x.ticks()) {
            canvas.line(px(t), top, px(t), top + height, Palette.GRID, 0.5, false);
        }
        for (double t : y.ticks()) {
            canvas.line(left, py(t), left + width, py(t), Palette.GRID, 0.5, false);
        }
        canvas.line(left, top + height, left + width, top + height, Palette.AXIS, 0.7, false);
        canvas.line(left, top, left, top + height, Palette.AXIS, 0.7, false);
        for (double t : x.ticks()) {
            canvas.line(px(t), top + height, px(t), top + height + 3, Palette.AXIS, 0.7, false);
            canvas.text(px(t), top + height + 10, x.label(t), TICK_SIZE, false, Palette.MUTED, Canvas.Anchor.MIDDLE,
                    false);
        }
        for (double t : y.ticks()) {
            canvas.line(left - 3, py(t), left, py(t), Palette.AXIS, 0.7, false);
            canvas.text(left - 5, py(t) + 2.3, y.label(t), TICK_SIZE, false, Palette.MUTED, Canvas.Anchor.END, false);
        }
        canvas.text(left + width / 2, top + height + 21, xLabel, LABEL_SIZE, false, Palette.INK, Canvas.Anchor.MIDDLE,
                false);
        canvas.text(left - 27, top + height / 2, yLabel, LABEL_SIZE, false, Palette.INK, Canvas.Anchor.MIDDLE, true);
        canvas.text(left - 30, top - 9, letter, TITLE_SIZE + 1, true, Palette.INK, Canvas.Anchor.START, false);
        canvas.text(left - 19, top - 9, title, TITLE_SIZE, true, Palette.INK, Canvas.Anchor.START, false);
    }

    void verticalLine(double v, int rgb, boolean dashed) {
        canvas.line(px(v), top, px(v), top + height, rgb, 0.6, dashed);
    }

    void horizontalLine(double v, int rgb, boolean dashed) {
        canvas.line(left, py(v), left + width, py(v), rgb, 0.6, dashed);
    }

    void shadeX(double from, double to, int rgb) {
        canvas.fillRect(px(from), top, px(to) - px(from), height, rgb);
    }

    void clip() {
        canvas.pushClip(left, top, width, height);
    }

    void unclip() {
        canvas.popClip();
    }

    /**
     * The band as a filled area, split where it has no value.
     *
     * @param gridOnY the band's grid is drawn on the y axis (stimulus-response, I/V) rather than on x
     */
    void band(Band band, boolean gridOnY) {
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i <= band.size(); i++) {
            boolean ok = i < band.size() && Double.isFinite(band.low(i)) && Double.isFinite(band.high(i));
            if (ok) {
                run.add(i);
            } else if (!run.isEmpty()) {
                fillRun(band, run, gridOnY);
                run.clear();
            }
        }
    }

    private void fillRun(Band band, List<Integer> run, boolean gridOnY) {
        int n = run.size();
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        double[] edgeLowX = new double[n];
        double[] edgeLowY = new double[n];
        double[] edgeHighX = new double[n];
        double[] edgeHighY = new double[n];
        for (int k = 0; k < n; k++) {
            int i = run.get(k);
            int j = run.get(n - 1 - k);
            double g = band.gridAt(i);
            xs[k] = gridOnY ? px(band.low(i)) : px(g);
            ys[k] = gridOnY ? py(g) : py(band.low(i));
            double g2 = band.gridAt(j);
            xs[n + k] = gridOnY ? px(band.high(j)) : px(g2);
            ys[n + k] = gridOnY ? py(g2) : py(band.high(j));
            edgeLowX[k] = xs[k];
            edgeLowY[k] = ys[k];
            edgeHighX[k] = gridOnY ? px(band.high(i)) : px(g);
            edgeHighY[k] = gridOnY ? py(g) : py(band.high(i));
        }
        if (n == 1) {
            canvas.line(xs[0], ys[0], xs[1], ys[1], Palette.BAND, 3, false);
            return;
        }
        canvas.fillPolygon(xs, ys, Palette.BAND);
        canvas.polyline(edgeLowX, edgeLowY, Palette.BAND_EDGE, 0.4);
        canvas.polyline(edgeHighX, edgeHighY, Palette.BAND_EDGE, 0.4);
    }

    /** The subject's curve: a dark line with point markers (filled, or open for a second curve style). */
    void curve(double[] xs, double[] ys, boolean filledMarkers, double markerRadius) {
        curve(xs, ys, filledMarkers, markerRadius, Palette.SUBJECT);
    }

    /** A curve in another colour: an earlier recording drawn under the subject's. */
    void curve(double[] xs, double[] ys, boolean filledMarkers, double markerRadius, int rgb) {
        double[] pxs = new double[xs.length];
        double[] pys = new double[ys.length];
        for (int i = 0; i < xs.length; i++) {
            pxs[i] = px(xs[i]);
            pys[i] = py(ys[i]);
        }
        canvas.polyline(pxs, pys, rgb, 1.1);
        for (int i = 0; i < xs.length; i++) {
            if (markerRadius > 0) {
                canvas.marker(pxs[i], pys[i], markerRadius, rgb, filledMarkers);
            }
        }
    }

    void note(String text, boolean atRight, boolean atTop) {
        canvas.text(atRight ? left + width - 3 : left + 4, atTop ? top + 9 : top + height - 5, text, 6.3, false,
                Palette.MUTED, atRight ? Canvas.Anchor.END : Canvas.Anchor.START, false);
    }
}
