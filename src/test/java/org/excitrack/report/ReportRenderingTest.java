package org.excitrack.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Each output format of a real recording's report is a valid file of its kind. */
class ReportRenderingTest {
    private static ReportContent content;
    private static final ReportFiles FILES = new ReportFiles();

    @BeforeAll
    static void load() {
        assumeTrue(ReportFixtures.available(), "the nerve-norms data set is beside the project");
        content = ReportFixtures.content("FESB70821A.MEM");
    }

    @Test
    void pngDecodesAtTheA4PixelSize() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FILES.writePng(content, 150, out);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1240);
        assertThat(image.getHeight()).isEqualTo(1754);
        assertThat(image.getRGB(5, 5) & 0xFFFFFF).as("white page").isEqualTo(0xFFFFFF);
    }

    @Test
    void svgParsesAsXmlWithTheSubjectAndPanelTitles() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FILES.writeSvg(content, out);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray()));
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 595.28 841.89");
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("CR21S", "TRONDNF", "Threshold electrotonus", "Recovery cycle", "Charge-duration",
                "Stimulus-response", "Current-threshold (I/V)", "Strength-duration time constant (ms)");
        assertThat(doc.getElementsByTagName("polygon").getLength()).as("normal bands").isGreaterThanOrEqualTo(8);
    }

    @Test
    void pdfOpensWithOneA4PageCarryingTheText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FILES.writePdf(content, out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.1f));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("CR21S", "Threshold electrotonus", "RRP (ms)");
        }
    }

    @Test
    void drawsOnAnyGraphics2D() {
        BufferedImage image = new BufferedImage(300, 425, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.scale(300 / ReportRenderer.PAGE_WIDTH, 425 / ReportRenderer.PAGE_HEIGHT);
        new ClassicReportRenderer().render(content, g);
        g.dispose();
        assertThat(image.getRGB(150, 200) >>> 24).as("painted").isEqualTo(0xFF);
    }

    /** Renders both real recordings to target/report-test/ for a human to look at. */
    @Test
    void rendersTheRealRecordingsForLooking() throws IOException {
        Path dir = Path.of("target", "report-test");
        Files.createDirectories(dir);
        for (String name : new String[] {"FESB70821A", "FESB70821B"}) {
            ReportContent c = ReportFixtures.content(name + ".MEM");
            try (OutputStream out = Files.newOutputStream(dir.resolve(name + ".png"))) {
                FILES.writePng(c, 150, out);
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve(name + ".svg"))) {
                FILES.writeSvg(c, out);
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve(name + ".pdf"))) {
                FILES.writePdf(c, out);
            }
            assertThat(Files.size(dir.resolve(name + ".png"))).isGreaterThan(50_000);
        }
    }
}
