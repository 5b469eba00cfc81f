package org.excitrack.gui.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Threshold against trial number, one colour per channel: nerve thresholds in mA (the tracker's estimate after
 * each trial), TMS in %MSO (the tracked test output). Each channel's bounded series is reduced to min/max per
 * pixel column, so a long run costs no more to draw than a short one.
 */
final class TrackingPlot extends CanvasPlot {
    /** At most one point per 8 pixel columns gets dots: early in a run each trial should be visible. */
    private static final double DOTS_BELOW_POINTS_PER_PIXEL = 1.0 / 8;

    /** More trials than this without a point of a channel break its line. */
    private static final double GAP_TRIALS = 12;

    private final Supplier<LiveFeed> feeds;
    private final MinMaxDecimator columns = new MinMaxDecimator(MAX_COLUMNS);
    private final List<double[]> xs = new ArrayList<>();
    private final List<double[]> ys = new ArrayList<>();
    private long drawnVersion = -1;

    private LiveFeed feed;
    private LiveFeed drawnFeed;

    /** @param feeds the current run's feed (a new one for each run), read once per frame */
    TrackingPlot(Supplier<LiveFeed> feeds) {
        super("tracking-plot");
        this.feeds = feeds;
    }

    @Override
    boolean changed() {
        feed = feeds.get();
        return feed != drawnFeed || feed.trackingVersion() != drawnVersion;
    }

    @Override
    void draw(GraphicsContext g) {
        drawnFeed = feed;
        drawnVersion = feed.trackingVersion();
        Map<String, RingBuffer> channels = feed.channels();
        List<String> names = new ArrayList<>(channels.keySet());
        int[] sizes = snapshot(channels);
        double[] r = ranges(sizes);
        if (r == null) {
            message(g, "Thresholds appear here as they are tracked.");
            return;
        }
        axes(g, r[0], r[1], r[2], r[3], "trial", feed.thresholdUnit());
        g.save();
        clipToPlot(g);
        for (int i = 0; i < sizes.length; i++) {
            series(g, i, sizes[i], r);
        }
        g.restore();
        legend(g, names);
    }

    private int[] snapshot(Map<String, RingBuffer> channels) {
        int[] sizes = new int[channels.size()];
        int i = 0;
        for (RingBuffer b : channels.values()) {
            while (xs.size() <= i) {
                // sized for the largest buffer a feed may have, so a new run never needs new arrays
                xs.add(new double[LiveFeed.TRACKING_CAPACITY]);
                ys.add(new double[LiveFeed.TRACKING_CAPACITY]);
            }
            sizes[i] = b.copyTo(xs.get(i), ys.get(i));
            i++;
        }
        return sizes;
    }

    /** {x0, x1, y0, y1} over every channel, with a margin; null when there is no point. */
    private double[] ranges(int[] sizes) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sizes.length; i++) {
            for (int k = 0; k < sizes[i]; k++) {
                x0 = Math.min(x0, xs.get(i)[k]);
                x1 = Math.max(x1, xs.get(i)[k]);
                y0 = Math.min(y0, ys.get(i)[k]);
                y1 = Math.max(y1, ys.get(i)[k]);
            }
        }
        if (x0 > x1) {
            return null;
        }
        double xPad = Math.max(1, (x1 - x0) * 0.02);
        double yPad = Math.max(Math.max(Math.abs(y1), 1) * 0.05, (y1 - y0) * 0.1);
        return new double[] {x0 - xPad, x1 + xPad, Math.max(0, y0 - yPad), y1 + yPad};
    }

    private void series(GraphicsContext g, int index, int n, double[] r) {
        int cols = columns.byX(xs.get(index), ys.get(index), n, r[0], r[1], columns());
        g.setStroke(PlotTheme.series(index));
        g.setFill(PlotTheme.series(index));
        g.setLineWidth(1.5);
        boolean dots = n <= cols * DOTS_BELOW_POINTS_PER_PIXEL;
        double perColumn = (r[1] - r[0]) / cols;
        // a channel that pauses (another section ran meanwhile) is drawn as two pieces, not joined by a line
        int maxGap = Math.max(1, (int) Math.ceil(GAP_TRIALS / perColumn));
        g.beginPath();
        int last = Integer.MIN_VALUE / 2;
        for (int c = 0; c < cols; c++) {
            double lo = columns.min(c);
            if (Double.isNaN(lo)) {
                continue;
            }
            double px = xPixel(r[0] + (c + 0.5) * perColumn, r[0], r[1]);
            double yLo = yPixel(lo, r[2], r[3]);
            double yHi = yPixel(columns.max(c), r[2], r[3]);
            if (c - last <= maxGap) {
                g.lineTo(px, yLo);
            } else {
                g.moveTo(px, yLo);
            }
            g.lineTo(px, yHi);
            last = c;
        }
        g.stroke();
        if (dots) {
            for (int k = 0; k < n; k++) {
                g.fillOval(xPixel(xs.get(index)[k], r[0], r[1]) - 2.5, yPixel(ys.get(index)[k], r[2], r[3]) - 2.5,
                        5, 5);
            }
        }
    }

    private void legend(GraphicsContext g, List<String> names) {
        g.setFont(PlotTheme.LABEL);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double x = LEFT + plotWidth();
        for (int i = names.size() - 1; i >= 0; i--) {
            String name = names.get(i);
            double width = 14 + name.length() * 6.6;
            x -= width + 12;
            g.setFill(PlotTheme.series(i));
            g.fillRoundRect(x, TOP / 2 - 4, 10, 8, 3, 3);
            g.setFill(PlotTheme.INK);
            g.fillText(name, x + 14, TOP / 2);
        }
    }
}
