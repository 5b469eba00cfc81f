package org.excitrack.report;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Writes a report page as PNG (Java2D raster), SVG (our own {@link SvgCanvas}) or A4 PDF (PDFBox, drawn as
 * vectors with the same drawing code, not an embedded image). The caller owns the streams.
 */
public final class ReportFiles {
    /** PNG resolution by default: 150 dpi, 1240 × 1754 pixels for the A4 page. */
    public static final double DEFAULT_DPI = 150;

    private final ReportRenderer renderer;

    public ReportFiles(ReportRenderer renderer) {
        this.renderer = renderer;
    }

    public ReportFiles() {
        this(new ClassicReportRenderer());
    }

    /** Pixel size of the page at {@code dpi}: {width, height}. */
    public static int[] pixelSize(double dpi) {
        return new int[] {(int) Math.round(ReportRenderer.PAGE_WIDTH * dpi / 72),
            (int) Math.round(ReportRenderer.PAGE_HEIGHT * dpi / 72)};
    }

    public BufferedImage image(ReportContent content, double dpi) {
        if (!(dpi >= 30 && dpi <= 1200)) {
            throw new IllegalArgumentException("resolution " + dpi + " dpi is outside 30-1200 dpi");
        }
        int[] size = pixelSize(dpi);
        BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(dpi / 72, dpi / 72);
            renderer.render(content, g);
        } finally {
            g.dispose();
        }
        return image;
    }

    public void writePng(ReportContent content, double dpi, OutputStream out) throws IOException {
        if (!ImageIO.write(image(content, dpi), "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    public String svg(ReportContent content) {
        SvgCanvas canvas = new SvgCanvas(ReportRenderer.PAGE_WIDTH, ReportRenderer.PAGE_HEIGHT);
        renderer.render(content, canvas);
        return canvas.toSvg();
    }

    public void writeSvg(ReportContent content, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(svg(content));
        w.flush();
    }

    public void writePdf(ReportContent content, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                renderer.render(content, new PdfCanvas(cs, page.getMediaBox().getHeight()));
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Nerve excitability report: " + content.recording().header().name().orElse(content.sourceName()));
            info.setCreator("Excitrack");
            doc.save(out);
        }
    }
}
