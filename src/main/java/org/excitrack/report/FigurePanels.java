package org.excitrack.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.excitrack.model.excitability.ChargeDurationPoint;
import org.excitrack.model.excitability.CurrentThresholdPoint;
import org.excitrack.model.excitability.ElectrotonusCurve;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.RecoveryPoint;

/**
 * The five panels of the classic excitability figure, each over its grey normal band, and the legend cell.
 * Each method draws into a cell whose top left is {@code (x, y)}; the data area leaves room for labels.
 */
final class FigurePanels {
    static final double CELL_PAD_LEFT = 42;
    static final double CELL_PAD_TOP = 16;
    static final double CELL_PAD_RIGHT = 14;
    static final double CELL_PAD_BOTTOM = 28;
    /** TRONDNF's polarizing current flows from 10 to 110 ms of the recording frame. */
    static final double CURRENT_ON_MS = 10;
    static final double CURRENT_OFF_MS = 110;

    private final Canvas canvas;
    private final ExcitabilityRecording rec;
    /** Earlier recordings of the subject, drawn under {@link #rec} in {@link Palette#overlay(int)} colours. */
    private final List<ExcitabilityRecording> earlier;
    private final NormalBands norms;

    FigurePanels(Canvas canvas, ExcitabilityRecording rec, NormalBands norms) {
        this(canvas, rec, List.of(), norms);
    }

    FigurePanels(Canvas canvas, ExcitabilityRecording rec, List<ExcitabilityRecording> earlier, NormalBands norms) {
        this.canvas = canvas;
        this.rec = rec;
        this.earlier = List.copyOf(earlier.subList(0, Math.min(earlier.size(), Palette.OVERLAYS)));
        this.norms = norms;
    }

    private Plot plot(double x, double y, double w, double h, Axis xa, Axis ya) {
        return new Plot(canvas, x + CELL_PAD_LEFT, y + CELL_PAD_TOP, w - CELL_PAD_LEFT - CELL_PAD_RIGHT,
                h - CELL_PAD_TOP - CELL_PAD_BOTTOM, xa, ya);
    }

    void stimulusResponse(double x, double y, double w, double h) {
        double[][] sr = NormalBands.stimulusResponse(rec.stimulusResponse());
        List<double[][]> before = earlier.stream().map(e -> NormalBands.stimulusResponse(e.stimulusResponse())).toList();
        Range stim = new Range();
        stim.add(sr[1]);
        before.forEach(b -> stim.add(b[1]));
        stim.addBand(norms.stimulusResponse());
        Plot p = plot(x, y, w, h, stim.axis(0.04, 0), new Axis(0, 100, false));
        p.frame("a", "Stimulus-response", "Stimulus (mA)", "Peak response (% max)");
        p.clip();
        p.band(norms.stimulusResponse(), true);
        for (int i = 0; i < before.size(); i++) {
            p.curve(before.get(i)[1], before.get(i)[0], false, 1.0, Palette.overlay(i));
        }
        p.curve(sr[1], sr[0], true, 1.3);
        p.unclip();
        rec.stimulusResponse().maximalResponses().stream().max(Comparator.comparingDouble(m -> -Math.abs(m.widthMillis() - 1)))
                .ifPresent(m -> p.note(String.format(Locale.ROOT, "max CMAP %.2f mV", m.millivolts()), true, false));
    }

    void chargeDuration(double x, double y, double w, double h) {
        double[][] cd = NormalBands.xy(rec.chargeDuration(), ChargeDurationPoint::widthMillis,
                ChargeDurationPoint::chargeMilliampMillis);
        double[] weiss = weiss(cd[0], cd[1]);
        double sdtc = weiss == null ? Double.NaN : weiss[1] / weiss[0];
        double xMin = -Math.max(0.4, Double.isFinite(sdtc) && sdtc > 0 ? Math.ceil(sdtc * 5 + 0.25) / 5 : 0.4);
        List<double[][]> before = earlier.stream().map(e -> NormalBands.xy(e.chargeDuration(),
                ChargeDurationPoint::widthMillis, ChargeDurationPoint::chargeMilliampMillis)).toList();
        Range charge = new Range();
        charge.add(cd[1]);
        before.forEach(b -> charge.add(b[1]));
        charge.addBand(norms.chargeDuration());
        charge.add(new double[] {0});
        Axis ya = charge.axis(0.02);
        Plot p = plot(x, y, w, h, new Axis(Math.min(xMin, -0.2), 1.1, false), ya);
        p.frame("b", "Charge-duration", "Stimulus width (ms)", "Threshold charge (mA\u00b7ms)");
        p.verticalLine(0, Palette.ZERO, false);
        p.clip();
        p.band(norms.chargeDuration(), false);
        if (weiss != null) {
            double from = Math.max(-sdtc, Math.min(xMin, -0.2));
            canvas.line(p.px(from), p.py(weiss[0] * (from + sdtc)), p.px(1.1), p.py(weiss[0] * (1.1 + sdtc)),
                    Palette.SUBJECT, 0.7, true);
        }
        for (int i = 0; i < before.size(); i++) {
            p.curve(before.get(i)[0], before.get(i)[1], false, 1.2, Palette.overlay(i));
        }
        p.curve(cd[0], cd[1], true, 1.6);
        p.unclip();
        if (weiss != null) {
            p.note(String.format(Locale.ROOT, "Weiss: SDTC %.3f ms, rheobase %.2f mA", sdtc, weiss[0]), false, true);
        }
    }

    /** Least-squares Q = slope·d + intercept over the test widths: {slope (rheobase), intercept}; null if &lt; 2. */
    static double[] weiss(double[] d, double[] q) {
        int n = d.length;
        if (n < 2) {
            return null;
        }
        double md = 0;
        double mq = 0;
        for (int i = 0; i < n; i++) {
            md += d[i] / n;
            mq += q[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (d[i] - md) * (q[i] - mq);
            sxx += (d[i] - md) * (d[i] - md);
        }
        if (sxx == 0) {
            return null;
        }
        double slope = sxy / sxx;
        return new double[] {slope, mq - slope * md};
    }

    void electrotonus(double x, double y, double w, double h) {
        Range reduction = new Range();
        reduction.add(new double[] {0});
        List<double[][]> curves = new ArrayList<>();
        for (ElectrotonusCurve c : rec.electrotonus()) {
            double[][] xy = NormalBands.xy(c.points(), ElectrotonusCurve.Point::delayMillis,
                    ElectrotonusCurve.Point::thresholdReductionPercent);
            curves.add(xy);
            reduction.add(xy[1]);
            norms.electrotonus(c.conditioningPercent()).ifPresent(reduction::addBand);
        }
        List<List<double[][]>> before = new ArrayList<>();
        for (ExcitabilityRecording e : earlier) {
            List<double[][]> curvesBefore = new ArrayList<>();
            for (ElectrotonusCurve c : e.electrotonus()) {
                double[][] xy = NormalBands.xy(c.points(), ElectrotonusCurve.Point::delayMillis,
                        ElectrotonusCurve.Point::thresholdReductionPercent);
                curvesBefore.add(xy);
                reduction.add(xy[1]);
            }
            before.add(curvesBefore);
        }
        Plot p = plot(x, y, w, h, new Axis(0, 210, false), reduction.axis(0.03));
        p.shadeX(CURRENT_ON_MS, CURRENT_OFF_MS, Palette.CURRENT_ON);
        p.frame("c", "Threshold electrotonus", "Delay (ms)", "Threshold reduction (%)");
        p.horizontalLine(0, Palette.ZERO, false);
        p.clip();
        for (ElectrotonusCurve c : rec.electrotonus()) {
            norms.electrotonus(c.conditioningPercent()).ifPresent(b -> p.band(b, false));
        }
        for (int k = 0; k < before.size(); k++) {
            for (double[][] c : before.get(k)) {
                p.curve(c[0], c[1], false, 0, Palette.overlay(k));
            }
        }
        for (int i = 0; i < curves.size(); i++) {
            boolean strong = Math.abs(rec.electrotonus().get(i).conditioningPercent()) >= 30;
            p.curve(curves.get(i)[0], curves.get(i)[1], strong, 1.15);
        }
        p.unclip();
        p.note("current on 10\u2013110 ms", true, true);
        for (int i = 0; i < curves.size(); i++) {
            double[][] c = curves.get(i);
            if (c[0].length > 0) {
                int last = c[0].length - 1;
                for (int k = 0; k < c[0].length; k++) {
                    if (c[0][k] < CURRENT_OFF_MS - 0.5) {
                        last = k;
                    }
                }
                double pct = rec.electrotonus().get(i).conditioningPercent();
                // inside the current-on area, on the side of the curve away from its neighbour
                boolean up = (pct > 0) == (Math.abs(pct) >= 30);
                canvas.text(p.px(c[0][last]) - 4, p.py(c[1][last]) + (up ? -3.5 : 8),
                        String.format(Locale.ROOT, "%+.0f%%", pct), 5.8, false, Palette.MUTED, Canvas.Anchor.END,
                        false);
            }
        }
    }

    void currentThreshold(double x, double y, double w, double h) {
        double[][] iv = NormalBands.xy(rec.currentThreshold(), CurrentThresholdPoint::currentPercent,
                CurrentThresholdPoint::thresholdReductionPercent);
        List<double[][]> before = earlier.stream().map(e -> NormalBands.xy(e.currentThreshold(),
                CurrentThresholdPoint::currentPercent, CurrentThresholdPoint::thresholdReductionPercent)).toList();
        Range reduction = new Range();
        reduction.add(iv[1]);
        before.forEach(b -> reduction.add(b[1]));
        reduction.add(new double[] {0});
        reduction.addBand(norms.currentThreshold());
        Range current = new Range();
        current.add(iv[0]);
        before.forEach(b -> current.add(b[0]));
        current.add(new double[] {-100, 50});
        Plot p = plot(x, y, w, h, reduction.axis(0.03), current.axis(0.02));
        p.frame("d", "Current-threshold (I/V)", "Threshold reduction (%)", "Current (% threshold)");
        p.horizontalLine(0, Palette.ZERO, false);
        p.verticalLine(0, Palette.ZERO, false);
        p.clip();
        p.band(norms.currentThreshold(), true);
        for (int i = 0; i < before.size(); i++) {
            p.curve(before.get(i)[1], before.get(i)[0], false, 1.1, Palette.overlay(i));
        }
        p.curve(iv[1], iv[0], true, 1.5);
        p.unclip();
    }

    void recoveryCycle(double x, double y, double w, double h) {
        double[][] rc = NormalBands.xy(rec.recoveryCycle(), RecoveryPoint::intervalMillis,
                RecoveryPoint::thresholdChangePercent);
        List<double[][]> before = earlier.stream().map(e -> NormalBands.xy(e.recoveryCycle(),
                RecoveryPoint::intervalMillis, RecoveryPoint::thresholdChangePercent)).toList();
        Range change = new Range();
        change.add(rc[1]);
        before.forEach(b -> change.add(b[1]));
        change.add(new double[] {0});
        // the band only where this recording has intervals: a few healthy curves reach 2 ms, with a wide SD there
        change.addBand(norms.recoveryCycle(), rc[0].length == 0 ? 0 : rc[0][0], rc[0].length == 0 ? 0
                : rc[0][rc[0].length - 1]);
        Plot p = plot(x, y, w, h, Axis.logarithmic(1.5, 250), change.axis(0.03));
        p.frame("e", "Recovery cycle", "Interstimulus interval (ms, log scale)", "Threshold change (%)");
        p.horizontalLine(0, Palette.ZERO, false);
        p.clip();
        p.band(norms.recoveryCycle(), false);
        for (int i = 0; i < before.size(); i++) {
            p.curve(before.get(i)[0], before.get(i)[1], false, 1.0, Palette.overlay(i));
        }
        p.curve(rc[0], rc[1], true, 1.4);
        p.unclip();
    }

    /** The key: what the band, the line and the shading mean. */
    void legend(double x, double y, double w, double h) {
        double left = x + CELL_PAD_LEFT - 30;
        double top = y + CELL_PAD_TOP;
        canvas.text(left, top - 9 + 9, "Key", Plot.TITLE_SIZE, true, Palette.INK, Canvas.Anchor.START, false);
        double row = top + 20;
        // closer rows when earlier recordings add entries, so the key's notes stay inside its cell
        int entries = 5 + earlier.size();
        double step = Math.min(15, (y + h - top - 48) / entries);
        canvas.fillRect(left, row - 6, 22, 8, Palette.BAND);
        canvas.text(left + 30, row, "healthy mean \u00b1 2 SD (" + norms.curves() + " median-nerve recordings)",
                6.8, false, Palette.INK, Canvas.Anchor.START, false);
        row += step;
        canvas.line(left, row - 2, left + 22, row - 2, Palette.SUBJECT, 1.1, false);
        canvas.marker(left + 11, row - 2, 1.6, Palette.SUBJECT, true);
        canvas.text(left + 30, row, "this recording (points as measured)", 6.8, false, Palette.INK, Canvas.Anchor.START,
                false);
        row += step;
        canvas.line(left, row - 2, left + 22, row - 2, Palette.SUBJECT, 1.1, false);
        canvas.marker(left + 11, row - 2, 1.6, Palette.SUBJECT, false);
        canvas.text(left + 30, row, "TE with \u00b120 % current (filled: \u00b140 %)", 6.8, false, Palette.INK,
                Canvas.Anchor.START, false);
        row += step;
        canvas.fillRect(left, row - 6, 22, 8, Palette.CURRENT_ON);
        canvas.text(left + 30, row, "polarizing current on (10\u2013110 ms)", 6.8, false, Palette.INK,
                Canvas.Anchor.START, false);
        row += step;
        canvas.line(left, row - 2, left + 22, row - 2, Palette.SUBJECT, 0.7, true);
        canvas.text(left + 30, row, "Weiss's law fit (charge = rheobase \u00b7 (width + SDTC))", 6.8, false,
                Palette.INK, Canvas.Anchor.START, false);
        for (int i = 0; i < earlier.size(); i++) {
            row += step;
            ExcitabilityRecording e = earlier.get(i);
            canvas.line(left, row - 2, left + 22, row - 2, Palette.overlay(i), 1.1, false);
            canvas.marker(left + 11, row - 2, 1.6, Palette.overlay(i), false);
            canvas.text(left + 30, row, "earlier recording" + e.header().field("Date").map(d -> " of " + d).orElse(""),
                    6.8, false, Palette.INK, Canvas.Anchor.START, false);
        }
        row += step + 4;
        canvas.text(left, row, "TE: depolarizing up, hyperpolarizing down.", 6.5, false, Palette.MUTED,
                Canvas.Anchor.START, false);
        row += 10;
        canvas.text(left, row, "I/V: current on y, threshold reduction on x (QtracP).", 6.5, false, Palette.MUTED,
                Canvas.Anchor.START, false);
        row += 10;
        canvas.text(left, row, "Bands: each healthy curve interpolated onto a common grid.", 6.5, false,
                Palette.MUTED, Canvas.Anchor.START, false);
    }

    /** Running min/max of finite values, for axis ranges. */
    private static final class Range {
        private double lo = Double.POSITIVE_INFINITY;
        private double hi = Double.NEGATIVE_INFINITY;

        void add(double[] values) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }

        void addBand(Band band) {
            for (int i = 0; i < band.size(); i++) {
                add(new double[] {band.low(i), band.high(i)});
            }
        }

        void addBand(Band band, double fromGrid, double toGrid) {
            for (int i = 0; i < band.size(); i++) {
                if (band.gridAt(i) >= fromGrid * 0.999 && band.gridAt(i) <= toGrid * 1.001) {
                    add(new double[] {band.low(i), band.high(i)});
                }
            }
        }

        /** As {@link #axis(double)}, not extending below {@code floor}. */
        Axis axis(double pad, double floor) {
            if (lo > hi) {
                return new Axis(0, 1, false);
            }
            double span = Math.max(hi - lo, 1e-6);
            return Axis.nice(Math.max(floor, lo - pad * span), hi + pad * span);
        }

        void addBand(Optional<Band> band) {
            band.ifPresent(this::addBand);
        }

        Axis axis(double pad) {
            if (lo > hi) {
                return new Axis(0, 1, false);
            }
            double span = Math.max(hi - lo, 1e-6);
            return Axis.nice(lo - pad * span, hi + pad * span);
        }
    }
}
