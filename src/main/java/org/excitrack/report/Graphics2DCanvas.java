package org.excitrack.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayDeque;
import java.util.Deque;

/** A {@link Canvas} on any {@link Graphics2D}, whose transform maps page points to the device (scale it first). */
public final class Graphics2DCanvas implements Canvas {
    private final Graphics2D g;
    private final Deque<Shape> clips = new ArrayDeque<>();

    public Graphics2DCanvas(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    @Override
    public void fillRect(double x, double y, double width, double height, int rgb) {
        g.setColor(new Color(rgb));
        g.fill(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double lineWidth, boolean dashed) {
        g.setColor(new Color(rgb));
        g.setStroke(dashed ? new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {3f, 2f}, 0f) : new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int rgb, double lineWidth) {
        g.setColor(new Color(rgb));
        g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double path = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                pen = false;
            } else if (pen) {
                path.lineTo(xs[i], ys[i]);
            } else {
                path.moveTo(xs[i], ys[i]);
                pen = true;
            }
        }
        g.draw(path);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int rgb) {
        if (xs.length < 3) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        path.closePath();
        g.setColor(new Color(rgb));
        g.fill(path);
    }

    @Override
    public void marker(double x, double y, double radius, int rgb, boolean filled) {
        Ellipse2D.Double circle = new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius);
        g.setColor(filled ? new Color(rgb) : Color.WHITE);
        g.fill(circle);
        g.setColor(new Color(rgb));
        g.setStroke(new BasicStroke((float) Math.max(0.5, radius * 0.45)));
        g.draw(circle);
    }

    @Override
    public void text(double x, double y, String text, double size, boolean bold, int rgb, Anchor anchor,
            boolean vertical) {
        Font font = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
        g.setFont(font);
        g.setColor(new Color(rgb));
        FontMetrics metrics = g.getFontMetrics(font);
        double width = metrics.getStringBounds(text, g).getWidth();
        double shift = switch (anchor) {
            case START -> 0;
            case MIDDLE -> -width / 2;
            case END -> -width;
        };
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (vertical) {
            g.rotate(-Math.PI / 2);
        }
        g.drawString(text, (float) shift, 0f);
        g.setTransform(saved);
    }

    @Override
    public void pushClip(double x, double y, double width, double height) {
        clips.push(g.getClip() == null ? new Rectangle2D.Double(-1e6, -1e6, 2e6, 2e6) : g.getClip());
        g.clip(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void popClip() {
        g.setClip(clips.pop());
    }
}
