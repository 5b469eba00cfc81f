package org.excitrack.gui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.excitrack.gui.Screenshots;
import org.excitrack.report.ExcitabilityFigure;
import org.excitrack.report.Graphics2DCanvas;
import org.excitrack.report.ReportContent;
import org.excitrack.service.ReportService;
import org.excitrack.service.ReviewService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The JavaFX canvas draws the figure the Java2D canvas (the report's PNG) draws: both render the same recording at the
 * same pixel size, and their ink, band and subject-colour pixels agree cell by cell on a coarse grid. Text is
 * rasterised differently by the two toolkits, so the comparison is statistical, not pixel-exact.
 */
class FxReportCanvasTest {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 640;
    private static final int GRID_X = 12;
    private static final int GRID_Y = 8;
    private static final int BAND = 0xD9DEE5;
    private static final int SUBJECT = 0x243B53;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static ReportContent content() {
        return new ReviewService().open(ReviewRecordings.NERVE_NORMS.resolve("FESB70821A.MEM")).figure().orElseThrow();
    }

    @Test
    void theFxCanvasDrawsWhatTheJava2dCanvasDraws() throws Exception {
        ReportContent content = content();
        int[] awt = java2d(content, 3);
        int[] fx = javaFx(content, 3);
        save(awt, "review-figure-java2d");
        save(fx, "review-figure-fx");

        assertThat(count(fx, p -> near(p, BAND, 8))).as("band pixels, FX vs Java2D")
                .isCloseTo(count(awt, p -> near(p, BAND, 8)), org.assertj.core.data.Percentage.withPercentage(8));
        assertThat(count(fx, p -> near(p, SUBJECT, 40))).as("subject-curve pixels")
                .isCloseTo(count(awt, p -> near(p, SUBJECT, 40)), org.assertj.core.data.Percentage.withPercentage(25));
        assertThat(largestCellDifference(fx, awt)).as("ink per grid cell").isLessThan(0.05);
    }

    @Test
    void theComparisonTellsADifferentLayoutApart() throws Exception {
        ReportContent content = content();
        // the same figure in two columns instead of three: if this passed, the test above would prove nothing
        assertThat(largestCellDifference(javaFx(content, 2), java2d(content, 3))).isGreaterThan(0.10);
    }

    private static double scale() {
        return FigurePane.scale(WIDTH, HEIGHT, 3);
    }

    private static int[] java2d(ReportContent content, int columns) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double s = scale();
        g.scale(s, s);
        ExcitabilityFigure.draw(new Graphics2DCanvas(g), content.recording(), content.norms(), 0, 0, WIDTH / s,
                HEIGHT / s, columns);
        g.dispose();
        return image.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH);
    }

    private static int[] javaFx(ReportContent content, int columns) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Canvas canvas = new Canvas(WIDTH, HEIGHT);
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.setFill(javafx.scene.paint.Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            double s = scale();
            g.scale(s, s);
            ExcitabilityFigure.draw(new FxReportCanvas(g), content.recording(), content.norms(), 0, 0, WIDTH / s,
                    HEIGHT / s, columns);
            WritableImage image = canvas.snapshot(null, null);
            PixelReader reader = image.getPixelReader();
            int[] out = new int[WIDTH * HEIGHT];
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    out[y * WIDTH + x] = reader.getArgb(x, y);
                }
            }
            return out;
        }).get(30, TimeUnit.SECONDS);
    }

    /** The largest difference, over the grid's cells, of the fraction of pixels that are not white. */
    private static double largestCellDifference(int[] a, int[] b) {
        double largest = 0;
        int cw = WIDTH / GRID_X;
        int ch = HEIGHT / GRID_Y;
        for (int gy = 0; gy < GRID_Y; gy++) {
            for (int gx = 0; gx < GRID_X; gx++) {
                int inkA = 0;
                int inkB = 0;
                for (int y = gy * ch; y < (gy + 1) * ch; y++) {
                    for (int x = gx * cw; x < (gx + 1) * cw; x++) {
                        inkA += near(a[y * WIDTH + x], 0xFFFFFF, 24) ? 0 : 1;
                        inkB += near(b[y * WIDTH + x], 0xFFFFFF, 24) ? 0 : 1;
                    }
                }
                largest = Math.max(largest, Math.abs(inkA - inkB) / (double) (cw * ch));
            }
        }
        return largest;
    }

    private static long count(int[] pixels, java.util.function.IntPredicate p) {
        return java.util.Arrays.stream(pixels).filter(p).count();
    }

    private static boolean near(int argb, int rgb, int tolerance) {
        return Math.abs(((argb >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) <= tolerance
                && Math.abs(((argb >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) <= tolerance
                && Math.abs((argb & 0xFF) - (rgb & 0xFF)) <= tolerance;
    }

    private static void save(int[] pixels, String name) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, WIDTH, HEIGHT, pixels, 0, WIDTH);
        Files.createDirectories(Screenshots.FOLDER);
        ImageIO.write(image, "png", Screenshots.FOLDER.resolve(name + ".png").toFile());
    }
}
