package org.excitrack.report;

import java.util.List;
import java.util.Locale;

/** The variables table: number, name, value, healthy range, z and a flag, in two columns of rows. */
final class VariablesTable {
    private static final double SIZE = 6.5;
    private static final int MAX_NAME = 36;
    private final Canvas canvas;

    VariablesTable(Canvas canvas) {
        this.canvas = canvas;
    }

    void draw(List<VariableRow> rows, double x, double y, double width, double height) {
        canvas.text(x, y + 8, "Excitability variables", Plot.TITLE_SIZE, true, Palette.INK, Canvas.Anchor.START, false);
        long flagged = rows.stream().filter(VariableRow::outsideNormalRange).count();
        canvas.text(x + width, y + 8, flagged == 0 ? "all variables with a norm are inside the healthy range"
                : flagged + " outside the healthy 2.5\u201397.5 % range for age (|z| > 1.96)", 6.5, false,
                flagged == 0 ? Palette.MUTED : Palette.FLAG, Canvas.Anchor.END, false);
        int perColumn = (rows.size() + 1) / 2;
        double columnGap = 16;
        double columnWidth = (width - columnGap) / 2;
        double headTop = y + 22;
        double rowHeight = perColumn == 0 ? 9.5 : Math.min(9.5, (height - 26) / perColumn);
        for (int c = 0; c < 2; c++) {
            double cx = x + c * (columnWidth + columnGap);
            head(cx, headTop, columnWidth);
            for (int r = 0; r < perColumn; r++) {
                int i = c * perColumn + r;
                if (i >= rows.size()) {
                    break;
                }
                double baseline = headTop + 4 + (r + 1) * rowHeight;
                if (r % 2 == 0) {
                    canvas.fillRect(cx, baseline - rowHeight + 2.4, columnWidth, rowHeight, Palette.ROW_SHADE);
                }
                row(rows.get(i), cx, baseline, columnWidth);
            }
        }
    }

    private void head(double cx, double baseline, double w) {
        int ink = Palette.MUTED;
        canvas.text(cx + 11, baseline, "#", SIZE, true, ink, Canvas.Anchor.END, false);
        canvas.text(cx + 15, baseline, "Variable", SIZE, true, ink, Canvas.Anchor.START, false);
        canvas.text(cx + w * 0.63, baseline, "Value", SIZE, true, ink, Canvas.Anchor.END, false);
        canvas.text(cx + w * 0.84, baseline, "Normal range", SIZE, true, ink, Canvas.Anchor.END, false);
        canvas.text(cx + w * 0.93, baseline, "z", SIZE, true, ink, Canvas.Anchor.END, false);
        canvas.line(cx, baseline + 2.5, cx + w, baseline + 2.5, Palette.ZERO, 0.5, false);
    }

    private void row(VariableRow v, double cx, double baseline, double w) {
        boolean flag = v.outsideNormalRange();
        int ink = flag ? Palette.FLAG : Palette.INK;
        canvas.text(cx + 11, baseline, v.number(), SIZE, false, Palette.MUTED, Canvas.Anchor.END, false);
        canvas.text(cx + 15, baseline, name(v.name()), SIZE, false, Palette.INK, Canvas.Anchor.START, false);
        canvas.text(cx + w * 0.63, baseline, number(v.value()), SIZE, flag, ink, Canvas.Anchor.END, false);
        if (Double.isFinite(v.normalLow()) && Double.isFinite(v.normalHigh())) {
            canvas.text(cx + w * 0.84, baseline, number(v.normalLow()) + " \u2013 " + number(v.normalHigh()), SIZE,
                    false, Palette.MUTED, Canvas.Anchor.END, false);
        }
        if (v.z().isPresent()) {
            canvas.text(cx + w * 0.93, baseline, String.format(Locale.ROOT, "%.1f", Math.abs(v.z().getAsDouble()) < 0.05 ? 0.0 : v.z().getAsDouble()), SIZE, flag,
                    ink, Canvas.Anchor.END, false);
        }
        if (flag) {
            canvas.text(cx + w, baseline, v.z().orElse(0) > 0 ? "high" : "low", SIZE, true, Palette.FLAG,
                    Canvas.Anchor.END, false);
        }
    }

    static String name(String label) {
        String s = label.replace('\\', ' ').replaceAll("\\s+", " ").trim();
        return s.length() <= MAX_NAME ? s : s.substring(0, MAX_NAME - 1) + "\u2026";
    }

    /** About four significant digits, no exponent. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "\u2013";
        }
        double a = Math.abs(v);
        String pattern = a >= 1000 ? "%.0f" : a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }
}
