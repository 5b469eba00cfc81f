package org.excitrack.report;

/**
 * The few drawing operations the report needs, in page units (PostScript points, y down, origin top left), so one
 * drawing routine serves the raster ({@link Graphics2DCanvas}), SVG ({@link SvgCanvas}) and PDF ({@link PdfCanvas})
 * outputs. Colours are {@code 0xRRGGBB}.
 */
public interface Canvas {
    enum Anchor { START, MIDDLE, END }

    void fillRect(double x, double y, double width, double height, int rgb);

    void line(double x1, double y1, double x2, double y2, int rgb, double lineWidth, boolean dashed);

    /** An open polyline; NaN points break it into pieces. */
    void polyline(double[] xs, double[] ys, int rgb, double lineWidth);

    void fillPolygon(double[] xs, double[] ys, int rgb);

    /** A circle of the given radius, filled with {@code rgb} or outlined in it over white. */
    void marker(double x, double y, double radius, int rgb, boolean filled);

    /**
     * @param y the text's baseline (for vertical text, the baseline's x is {@code x} and the text reads upwards)
     */
    void text(double x, double y, String text, double size, boolean bold, int rgb, Anchor anchor, boolean vertical);

    /** Restricts drawing to a rectangle until the matching {@link #popClip()}. */
    void pushClip(double x, double y, double width, double height);

    void popClip();
}
