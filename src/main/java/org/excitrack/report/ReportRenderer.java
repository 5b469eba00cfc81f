package org.excitrack.report;

import java.awt.Graphics2D;

/**
 * Draws a report page: header, the multi-panel excitability figure, and the variables table. The page is
 * {@link #PAGE_WIDTH} × {@link #PAGE_HEIGHT} points (A4 portrait).
 */
public interface ReportRenderer {
    double PAGE_WIDTH = 595.28;
    double PAGE_HEIGHT = 841.89;

    void render(ReportContent content, Canvas canvas);

    /** Draws the page on {@code g}, whose transform maps page points to the device. */
    default void render(ReportContent content, Graphics2D g) {
        render(content, new Graphics2DCanvas(g));
    }
}
