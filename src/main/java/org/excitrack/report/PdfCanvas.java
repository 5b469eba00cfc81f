package org.excitrack.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;

/**
 * A {@link Canvas} drawing vectors into a PDFBox page content stream (Helvetica, WinAnsi: characters it cannot
 * encode are drawn as '?'). Page units are points; the page's y axis is flipped here.
 */
final class PdfCanvas implements Canvas {
    private static final double KAPPA = 0.5522847498;
    private final PDPageContentStream cs;
    private final double pageHeight;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Character, Boolean> encodable = new HashMap<>();

    PdfCanvas(PDPageContentStream cs, double pageHeight) {
        this.cs = cs;
        this.pageHeight = pageHeight;
    }

    @Override
    public void fillRect(double x, double y, double width, double height, int rgb) {
        io(() -> {
            fill(rgb);
            cs.addRect(f(x), f(pageHeight - y - height), f(width), f(height));
            cs.fill();
        });
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double lineWidth, boolean dashed) {
        io(() -> {
            stroke(rgb, lineWidth);
            cs.setLineDashPattern(dashed ? new float[] {3f, 2f} : new float[0], 0f);
            cs.moveTo(f(x1), f(pageHeight - y1));
            cs.lineTo(f(x2), f(pageHeight - y2));
            cs.stroke();
            if (dashed) {
                cs.setLineDashPattern(new float[0], 0f);
            }
        });
    }

    @Override
    public void polyline(double[] xs, double[] ys, int rgb, double lineWidth) {
        io(() -> {
            stroke(rgb, lineWidth);
            cs.setLineJoinStyle(1);
            cs.setLineCapStyle(1);
            boolean pen = false;
            boolean any = false;
            for (int i = 0; i < xs.length; i++) {
                if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                    pen = false;
                } else if (pen) {
                    cs.lineTo(f(xs[i]), f(pageHeight - ys[i]));
                } else {
                    cs.moveTo(f(xs[i]), f(pageHeight - ys[i]));
                    pen = true;
                    any = true;
                }
            }
            if (any) {
                cs.stroke();
            }
        });
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int rgb) {
        if (xs.length < 3) {
            return;
        }
        io(() -> {
            fill(rgb);
            cs.moveTo(f(xs[0]), f(pageHeight - ys[0]));
            for (int i = 1; i < xs.length; i++) {
                cs.lineTo(f(xs[i]), f(pageHeight - ys[i]));
            }
            cs.closePath();
            cs.fill();
        });
    }

    @Override
    public void marker(double x, double y, double radius, int rgb, boolean filled) {
        io(() -> {
            fill(filled ? rgb : 0xFFFFFF);
            stroke(rgb, Math.max(0.5, radius * 0.45));
            circle(x, pageHeight - y, radius);
            cs.fillAndStroke();
        });
    }

    private void circle(double cx, double cy, double r) throws IOException {
        double k = KAPPA * r;
        cs.moveTo(f(cx + r), f(cy));
        cs.curveTo(f(cx + r), f(cy + k), f(cx + k), f(cy + r), f(cx), f(cy + r));
        cs.curveTo(f(cx - k), f(cy + r), f(cx - r), f(cy + k), f(cx - r), f(cy));
        cs.curveTo(f(cx - r), f(cy - k), f(cx - k), f(cy - r), f(cx), f(cy - r));
        cs.curveTo(f(cx + k), f(cy - r), f(cx + r), f(cy - k), f(cx + r), f(cy));
        cs.closePath();
    }

    @Override
    public void text(double x, double y, String text, double size, boolean isBold, int rgb, Anchor anchor,
            boolean vertical) {
        PDType1Font font = isBold ? bold : regular;
        String safe = encodable(font, text);
        io(() -> {
            double width = font.getStringWidth(safe) / 1000.0 * size;
            double shift = switch (anchor) {
                case START -> 0;
                case MIDDLE -> -width / 2;
                case END -> -width;
            };
            double px = vertical ? x : x + shift;
            double py = vertical ? pageHeight - y + shift : pageHeight - y;
            fill(rgb);
            cs.beginText();
            cs.setFont(font, (float) size);
            cs.setTextMatrix(vertical ? Matrix.getRotateInstance(Math.PI / 2, f(px), f(py))
                    : Matrix.getTranslateInstance(f(px), f(py)));
            cs.showText(safe);
            cs.endText();
        });
    }

    @Override
    public void pushClip(double x, double y, double width, double height) {
        io(() -> {
            cs.saveGraphicsState();
            cs.addRect(f(x), f(pageHeight - y - height), f(width), f(height));
            cs.clip();
        });
    }

    @Override
    public void popClip() {
        io(cs::restoreGraphicsState);
    }

    private String encodable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            boolean ok = encodable.computeIfAbsent(c, ch -> {
                try {
                    font.encode(String.valueOf(ch));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            out.append(ok ? c : '?');
        }
        return out.toString();
    }

    private void fill(int rgb) throws IOException {
        cs.setNonStrokingColor(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
    }

    private void stroke(int rgb, double lineWidth) throws IOException {
        cs.setStrokingColor(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
        cs.setLineWidth(f(lineWidth));
    }

    private static float f(double v) {
        return (float) v;
    }

    private interface PdfAction {
        void run() throws IOException;
    }

    private static void io(PdfAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("drawing the PDF page: " + e.getMessage(), e);
        }
    }
}
