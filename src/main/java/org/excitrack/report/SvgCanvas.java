package org.excitrack.report;

import java.util.Locale;

/** A {@link Canvas} that writes SVG 1.1 text, one element per operation; units are points (the viewBox). */
public final class SvgCanvas implements Canvas {
    private final double width;
    private final double height;
    private final StringBuilder body = new StringBuilder();
    private int clipCount;

    public SvgCanvas(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** The complete, standalone SVG document. */
    public String toSvg() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + n(width) + "pt\" height=\""
                + n(height) + "pt\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\""
                + " font-family=\"Helvetica, Arial, 'DejaVu Sans', sans-serif\">\n" + body + "</svg>\n";
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int rgb) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(color(rgb)).append("\"/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double lineWidth, boolean dashed) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(color(rgb))
                .append("\" stroke-width=\"").append(n(lineWidth)).append('"')
                .append(dashed ? " stroke-dasharray=\"3 2\"" : "").append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int rgb, double lineWidth) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                pen = false;
                continue;
            }
            d.append(pen ? " L" : " M").append(n(xs[i])).append(' ').append(n(ys[i]));
            pen = true;
        }
        if (d.length() > 0) {
            body.append("<path d=\"").append(d.toString().trim()).append("\" fill=\"none\" stroke=\"")
                    .append(color(rgb)).append("\" stroke-width=\"").append(n(lineWidth))
                    .append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n");
        }
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int rgb) {
        if (xs.length < 3) {
            return;
        }
        body.append("<polygon points=\"");
        for (int i = 0; i < xs.length; i++) {
            body.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        body.append("\" fill=\"").append(color(rgb)).append("\"/>\n");
    }

    @Override
    public void marker(double x, double y, double radius, int rgb, boolean filled) {
        body.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(radius))
                .append("\" fill=\"").append(filled ? color(rgb) : "#ffffff").append("\" stroke=\"")
                .append(color(rgb)).append("\" stroke-width=\"").append(n(Math.max(0.5, radius * 0.45)))
                .append("\"/>\n");
    }

    @Override
    public void text(double x, double y, String text, double size, boolean bold, int rgb, Anchor anchor,
            boolean vertical) {
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"")
                .append(n(size)).append('"').append(bold ? " font-weight=\"bold\"" : "").append(" fill=\"")
                .append(color(rgb)).append('"');
        if (anchor != Anchor.START) {
            body.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
        }
        if (vertical) {
            body.append(" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y)).append(")\"");
        }
        body.append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        String id = "clip" + (++clipCount);
        body.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append("\"/></clipPath>\n")
                .append("<g clip-path=\"url(#").append(id).append(")\">\n");
    }

    @Override
    public void popClip() {
        body.append("</g>\n");
    }

    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.indexOf('.') >= 0 ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    private static String color(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
