package org.excitrack.gui.review;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.excitrack.report.Canvas;

/**
 * The report's {@link Canvas} on a JavaFX {@link GraphicsContext}, so the Review step draws the very figure the
 * printed report draws (same routine, same page units) instead of a second, drifting copy. The context's transform
 * maps page units to pixels: scale it before drawing. Call on the FX thread (or on a canvas not yet in a scene).
 */
public final class FxReportCanvas implements Canvas {
    /** The sans-serif face the theme uses; Java2D's logical SansSerif maps to it on the workstation's Linux. */
    private static final String FAMILY = Font.getFamilies().contains("DejaVu Sans") ? "DejaVu Sans"
            : Font.getDefault().getFamily();
    private static final double[] DASHES = {3, 2};

    private final GraphicsContext g;

    public FxReportCanvas(GraphicsContext g) {
        this.g = g;
    }

    private static Color color(int rgb) {
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    @Override
    public void fillRect(double x, double y, double width, double height, int rgb) {
        g.setFill(color(rgb));
        g.fillRect(x, y, width, height);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double lineWidth, boolean dashed) {
        g.setStroke(color(rgb));
        g.setLineWidth(lineWidth);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineDashes(dashed ? DASHES : null);
        g.strokeLine(x1, y1, x2, y2);
        g.setLineDashes(null);
    }

    @Override
    public void polyline(double[] xs, double[] ys, int rgb, double lineWidth) {
        g.setStroke(color(rgb));
        g.setLineWidth(lineWidth);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.beginPath();
        boolean pen = false;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                pen = false;
            } else if (pen) {
                g.lineTo(xs[i], ys[i]);
            } else {
                g.moveTo(xs[i], ys[i]);
                pen = true;
            }
        }
        g.stroke();
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int rgb) {
        if (xs.length < 3) {
            return;
        }
        g.setFill(color(rgb));
        g.fillPolygon(xs, ys, xs.length);
    }

    @Override
    public void marker(double x, double y, double radius, int rgb, boolean filled) {
        g.setFill(filled ? color(rgb) : Color.WHITE);
        g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
        g.setStroke(color(rgb));
        g.setLineWidth(Math.max(0.5, radius * 0.45));
        g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
    }

    @Override
    public void text(double x, double y, String text, double size, boolean bold, int rgb, Anchor anchor,
                     boolean vertical) {
        g.setFont(Font.font(FAMILY, bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        g.setFill(color(rgb));
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(switch (anchor) {
            case START -> TextAlignment.LEFT;
            case MIDDLE -> TextAlignment.CENTER;
            case END -> TextAlignment.RIGHT;
        });
        if (vertical) {
            g.save();
            g.translate(x, y);
            g.rotate(-90);
            g.fillText(text, 0, 0);
            g.restore();
        } else {
            g.fillText(text, x, y);
        }
    }

    /** Saves the context's state with the clip, so {@link #popClip()} restores exactly the previous clip. */
    @Override
    public void pushClip(double x, double y, double width, double height) {
        g.save();
        g.beginPath();
        g.rect(x, y, width, height);
        g.clip();
    }

    @Override
    public void popClip() {
        g.restore();
    }
}
