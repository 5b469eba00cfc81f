package org.excitrack.report;

import java.util.List;
import org.excitrack.model.excitability.ExcitabilityRecording;

/**
 * The classic excitability figure on its own: the five panels over their normal bands (stimulus-response,
 * charge-duration, threshold electrotonus, current-threshold, recovery cycle) and the key, laid out in a grid of
 * equal cells. The report page and the workstation's Review screen both draw it through here, so the figure a
 * clinician sees on screen is the one printed, whatever the {@link Canvas} behind it.
 */
public final class ExcitabilityFigure {
    /** Cells in reading order; the key comes last so it takes the grid's spare cell. */
    private static final int CELLS = 6;

    private ExcitabilityFigure() {
    }

    /**
     * Draws the figure into the rectangle {@code (x, y, width, height)} in page units.
     *
     * @param columns 2 (portrait page: three rows) or 3 (landscape screen: two rows)
     * @throws IllegalArgumentException when {@code columns} is not 1–6 or the rectangle is empty
     */
    public static void draw(Canvas canvas, ExcitabilityRecording recording, NormalBands norms, double x, double y,
                            double width, double height, int columns) {
        draw(canvas, recording, List.of(), norms, x, y, width, height, columns);
    }

    /**
     * As {@link #draw(Canvas, ExcitabilityRecording, NormalBands, double, double, double, double, int)}, with
     * earlier recordings of the same subject drawn under this one in lighter colours (at most
     * {@link Palette#OVERLAYS} are drawn), so a change shows as a shift of the curve against the band.
     */
    public static void draw(Canvas canvas, ExcitabilityRecording recording, List<ExcitabilityRecording> earlier,
                            NormalBands norms, double x, double y, double width, double height, int columns) {
        if (columns < 1 || columns > CELLS) {
            throw new IllegalArgumentException("a figure of " + columns + " columns; give 1 to " + CELLS);
        }
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("figure area " + width + " x " + height + " is empty");
        }
        int rows = (CELLS + columns - 1) / columns;
        double w = width / columns;
        double h = height / rows;
        FigurePanels panels = new FigurePanels(canvas, recording, earlier, norms);
        for (int i = 0; i < CELLS; i++) {
            double cx = x + (i % columns) * w;
            double cy = y + (i / columns) * h;
            switch (i) {
                case 0 -> panels.stimulusResponse(cx, cy, w, h);
                case 1 -> panels.chargeDuration(cx, cy, w, h);
                case 2 -> panels.electrotonus(cx, cy, w, h);
                case 3 -> panels.currentThreshold(cx, cy, w, h);
                case 4 -> panels.recoveryCycle(cx, cy, w, h);
                default -> panels.legend(cx, cy, w, h);
            }
        }
    }
}
