package org.excitrack.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.excitrack.service.MagneticAnalysis;

/** Prints a TMS recording's analysis: as a table for people, as name/value/unit rows for CSV and JSON. */
final class MagneticTable {
    private MagneticTable() {
    }

    /** One number of the analysis, named so that a row says what it is without the table around it. */
    record Row(String name, double value, String unit) {
    }

    static void print(MagneticAnalysis.Result r, PrintWriter out) {
        out.println(r.file() + (r.subject().isEmpty() ? "" : " (" + r.subject() + ")") + ": TMS recording");
        for (MagneticAnalysis.MotorThreshold t : r.motorThresholds()) {
            out.printf(Locale.ROOT, "  %s (%s): %.1f %%MSO%s, %d stimuli, method %s%s%n", t.name(), t.section(),
                    t.percentMso(), t.standardErrorPercentMso().map(se -> String.format(Locale.ROOT, " (SE %.1f)", se))
                    .orElse(""), t.stimuli(), t.method(), t.converged() ? "" : ", not converged");
        }
        for (MagneticAnalysis.ThresholdChanges c : r.thresholdChanges()) {
            out.printf(Locale.ROOT, "  %s, channel \"%s\": threshold change from the reference (positive = inhibition)%n",
                    c.section(), c.channel());
            for (MagneticAnalysis.PointChange p : c.points()) {
                out.printf(Locale.ROOT, "    %-16s reference %5.1f %%MSO, conditioned %5.1f %%MSO  %+6.1f %%%n", p.point(),
                        p.referencePercentMso(), p.conditionedPercentMso(), p.changePercent());
            }
            c.mean().ifPresent(m -> out.printf(Locale.ROOT, "    %-16s %+6.1f %%%s%n", "mean of " + c.points().size(),
                    m, c.mean1To3p5Millis().isPresent() ? String.format(Locale.ROOT, "  (ISIs 1-3.5 ms: %+.1f %%)",
                    c.mean1To3p5Millis().getAsDouble()) : ""));
        }
        for (MagneticAnalysis.AmplitudeRatios a : r.amplitudeRatios()) {
            out.printf(Locale.ROOT, "  %s: conditioned / test-alone MEP (geometric means; test alone %.0f µV, %d trials)%n",
                    a.section(), a.testAloneGeometricMeanMicrovolts(), a.testAloneTrials());
            for (MagneticAnalysis.AmplitudeRatio p : a.points()) {
                out.printf(Locale.ROOT, "    %-16s ratio %5.2f  inhibition %+6.1f %%  (%d trials)%n", p.point(), p.ratio(),
                        p.inhibitionPercent(), p.trials());
            }
        }
        for (MagneticAnalysis.RecruitmentCurve c : r.recruitmentCurves()) {
            if (c.fit().isPresent()) {
                MagneticAnalysis.Boltzmann f = c.fit().get();
                out.printf(Locale.ROOT, "  %s: Boltzmann fit of %d MEPs at %d outputs: MEPmax %.0f µV (SE %.0f), "
                        + "S50 %.1f %%MSO (SE %.1f), k %.1f %%MSO (SE %.1f)%n", c.section(), c.trials(), c.outputs(),
                        f.mepMaxMicrovolts(), f.mepMaxStandardErrorMicrovolts(), f.s50PercentMso(),
                        f.s50StandardErrorPercentMso(), f.slopePercentMso(), f.slopeStandardErrorPercentMso());
            } else {
                out.printf(Locale.ROOT, "  %s: no Boltzmann fit of %d MEPs at %d outputs: %s%n", c.section(), c.trials(),
                        c.outputs(), c.problem());
            }
        }
        for (MagneticAnalysis.SilentPeriods s : r.silentPeriods()) {
            if (s.summary().isPresent()) {
                MagneticAnalysis.SilentPeriodStatistics p = s.summary().get();
                out.printf(Locale.ROOT, "  %s: cortical silent period %.1f ms (SD %.1f ms, median %.1f, range %.1f-%.1f), "
                        + "from the MEP onset, in %d of %d trials%n", s.section(), p.meanMillis(), p.sdMillis(),
                        p.medianMillis(), p.minMillis(), p.maxMillis(), p.found(), s.trials());
            } else {
                out.printf(Locale.ROOT, "  %s: no cortical silent period found in %d trials%n", s.section(), s.trials());
            }
        }
        out.println();
    }

    static void csv(List<MagneticAnalysis.Result> results, PrintWriter out, boolean header) {
        if (results.isEmpty()) {
            return;
        }
        if (header) {
            out.println("file,number,name,value");
        }
        for (MagneticAnalysis.Result r : results) {
            for (Row row : rows(r)) {
                out.println(field(r.file()) + ",," + field(row.name() + " (" + row.unit() + ")") + ","
                        + String.format(Locale.ROOT, "%.6g", row.value()));
            }
        }
    }

    static List<Row> rows(MagneticAnalysis.Result r) {
        List<Row> rows = new ArrayList<>();
        for (MagneticAnalysis.MotorThreshold t : r.motorThresholds()) {
            rows.add(new Row(t.section() + ": " + t.name(), t.percentMso(), "%MSO"));
        }
        for (MagneticAnalysis.ThresholdChanges c : r.thresholdChanges()) {
            for (MagneticAnalysis.PointChange p : c.points()) {
                rows.add(new Row(c.section() + ": " + c.channel() + " at " + p.point(), p.changePercent(), "%"));
            }
            c.mean().ifPresent(m -> rows.add(new Row(c.section() + ": " + c.channel() + ", mean", m, "%")));
            c.mean1To3p5Millis().ifPresent(m -> rows.add(new Row(c.section() + ": " + c.channel()
                    + ", mean of ISIs 1-3.5 ms", m, "%")));
        }
        for (MagneticAnalysis.AmplitudeRatios a : r.amplitudeRatios()) {
            for (MagneticAnalysis.AmplitudeRatio p : a.points()) {
                rows.add(new Row(a.section() + ": ratio at " + p.point(), p.ratio(), "1"));
            }
        }
        for (MagneticAnalysis.RecruitmentCurve c : r.recruitmentCurves()) {
            c.fit().ifPresent(f -> {
                rows.add(new Row(c.section() + ": MEPmax", f.mepMaxMicrovolts(), "µV"));
                rows.add(new Row(c.section() + ": S50", f.s50PercentMso(), "%MSO"));
                rows.add(new Row(c.section() + ": k", f.slopePercentMso(), "%MSO"));
            });
        }
        for (MagneticAnalysis.SilentPeriods s : r.silentPeriods()) {
            s.summary().ifPresent(p -> {
                rows.add(new Row(s.section() + ": silent period, mean", p.meanMillis(), "ms"));
                rows.add(new Row(s.section() + ": silent period, SD", p.sdMillis(), "ms"));
            });
        }
        return rows;
    }

    private static String field(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
