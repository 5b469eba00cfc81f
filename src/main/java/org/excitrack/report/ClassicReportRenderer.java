package org.excitrack.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.excitrack.model.excitability.RecordingHeader;

/**
 * The classic A4 excitability report: a header (subject, date, protocol, site), the five-panel figure with normal
 * bands (stimulus-response, charge-duration, threshold electrotonus, I/V, recovery cycle) plus a key, and the
 * variables table with z-scores and flags.
 */
public final class ClassicReportRenderer implements ReportRenderer {
    private static final double MARGIN = 36;
    private static final double HEADER_HEIGHT = 58;
    private static final double ROW_HEIGHT = 160;
    private static final double TABLE_GAP = 14;

    @Override
    public void render(ReportContent content, Canvas canvas) {
        canvas.fillRect(0, 0, PAGE_WIDTH, PAGE_HEIGHT, Palette.PAGE);
        header(content, canvas);
        double figureTop = MARGIN + HEADER_HEIGHT;
        ExcitabilityFigure.draw(canvas, content.recording(), content.norms(), MARGIN, figureTop,
                PAGE_WIDTH - 2 * MARGIN, 3 * ROW_HEIGHT, 2);
        double tableTop = figureTop + 3 * ROW_HEIGHT + TABLE_GAP;
        new VariablesTable(canvas).draw(content.variables(), MARGIN, tableTop, PAGE_WIDTH - 2 * MARGIN,
                PAGE_HEIGHT - MARGIN - 14 - tableTop);
        canvas.text(MARGIN, PAGE_HEIGHT - MARGIN + 2, content.normsNote(), 6, false, Palette.MUTED,
                Canvas.Anchor.START, false);
        canvas.text(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - MARGIN + 2, "Excitrack", 6, true, Palette.MUTED,
                Canvas.Anchor.END, false);
    }

    private static void header(ReportContent content, Canvas canvas) {
        RecordingHeader h = content.recording().header();
        double top = MARGIN;
        canvas.text(MARGIN, top + 14, "Nerve excitability", 15, true, Palette.INK, Canvas.Anchor.START, false);
        canvas.text(PAGE_WIDTH - MARGIN, top + 14, h.name().orElse("(no subject id)"), 15, true, Palette.INK,
                Canvas.Anchor.END, false);
        List<String> first = new ArrayList<>();
        first.add("Protocol " + h.protocol().orElse("?"));
        h.field("Date").ifPresent(d -> first.add("Date " + d + h.field("Start time").map(t -> " " + t).orElse("")));
        h.field("S/R sites").ifPresent(s -> first.add("Site " + s));
        h.field("NC/disease").ifPresent(s -> first.add("Group " + s));
        List<String> second = new ArrayList<>();
        h.field("Age").ifPresent(a -> second.add("Age " + a));
        h.sex().ifPresent(s -> second.add("Sex " + s));
        h.temperatureCelsius().ifPresent(t -> second.add(String.format(Locale.ROOT, "Temperature %.1f \u00b0C", t)));
        h.field("Operator").ifPresent(o -> second.add("Operator " + o));
        second.add("File " + content.sourceName());
        canvas.text(MARGIN, top + 30, String.join("   \u00b7   ", first), 7.5, false, Palette.INK, Canvas.Anchor.START,
                false);
        canvas.text(MARGIN, top + 41, String.join("   \u00b7   ", second), 7.5, false, Palette.MUTED,
                Canvas.Anchor.START, false);
        h.field("Comments").ifPresent(c -> canvas.text(PAGE_WIDTH - MARGIN, top + 41, "\u201c" + c + "\u201d", 7,
                false, Palette.MUTED, Canvas.Anchor.END, false));
        canvas.line(MARGIN, top + 48, PAGE_WIDTH - MARGIN, top + 48, Palette.ZERO, 0.6, false);
    }
}
