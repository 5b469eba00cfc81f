package org.excitrack.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionState;
import org.excitrack.service.AnalysisService;
import org.excitrack.service.RunControl;
import org.excitrack.service.RunService;

/** What {@code run} and {@code resume} print: a live progress line, warnings, and the variables at the end. */
final class RunOutput {
    private RunOutput() {
    }

    /** A run that Ctrl-C aborts: the unit stops the trial in flight and the recording keeps what it has. */
    interface Run {
        RunService.RunReport start(RunControl control) throws InterruptedException;
    }

    static RunService.RunReport abortableOnCtrlC(Run run, ProgressLine progress) throws InterruptedException {
        RunControl control = new RunControl();
        Thread abortOnInterrupt = new Thread(control::abort, "abort-on-ctrl-c");
        Runtime.getRuntime().addShutdownHook(abortOnInterrupt);
        try {
            return run.start(control);
        } finally {
            progress.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(abortOnInterrupt);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook is running and aborts the session
            }
        }
    }

    static void print(RunService.RunReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %s; %d trials on unit %s; recording %s%n", r.state() == SessionState.FINISHED
                ? "Finished" : "Stopped", r.reason(), r.trials(), r.unit(), r.recording());
        if (!r.variables().isEmpty()) {
            out.printf(Locale.ROOT, "%n No.  Variable                                    Value        z%n");
            for (AnalysisService.Variable v : r.variables()) {
                if (v.number().isEmpty()) {
                    continue;
                }
                out.printf(Locale.ROOT, "%4s  %-40s %9s %8s%s%n", v.numberText(), v.name().replace("\\", " "),
                        Double.isFinite(v.value()) ? String.format(Locale.ROOT, "%.4g", v.value()) : "—",
                        v.zScore().isPresent() ? String.format(Locale.ROOT, "%+.2f", v.zScore().getAsDouble()) : "",
                        v.outsideNormalRange() ? "  outside normal range" : "");
            }
        }
        printMagnetic(r.magnetic(), out);
        out.flush();
    }

    /** Motor thresholds first, as the operator expects them ("RMT 47.5 %"), then tracked points and means. */
    private static void printMagnetic(java.util.List<org.excitrack.service.MagneticResults.Value> values, PrintWriter out) {
        if (values.isEmpty()) {
            return;
        }
        out.println();
        for (org.excitrack.service.MagneticResults.Value v : values) {
            String se = v.standardError().map(e -> String.format(Locale.ROOT, " (SE %.1f)", e)).orElse("")
                    + v.standardDeviation().map(d -> String.format(Locale.ROOT, " (SD %.1f %s)", d, v.unit())).orElse("");
            if (v.point().isEmpty() && v.unit().equals("%MSO")) {
                out.printf(Locale.ROOT, "%s %.1f %%%s of maximum stimulator output%n", v.name(), v.value(), se);
            } else {
                out.printf(Locale.ROOT, "%-44s %-16s %8.1f %s%s%n", v.name(), v.point(), v.value(), v.unit(), se);
            }
        }
    }

    /** Section, percent, time left and the latest control threshold, on one line rewritten in place. */
    static final class ProgressLine {
        private final PrintWriter err;
        private final boolean interactive;
        private int width;

        ProgressLine(PrintWriter err, boolean interactive) {
            this.err = err;
            this.interactive = interactive;
        }

        void on(SessionEvent event) {
            if (event instanceof SessionEvent.Warning w) {
                clear();
                err.println("warning: " + w.message());
                err.flush();
            } else if (event instanceof SessionEvent.SectionStarted s && !interactive) {
                err.printf(Locale.ROOT, "section %d/%d: %s%n", s.index() + 1, s.sections(), s.name());
                err.flush();
            } else if (event instanceof SessionEvent.Progress p && interactive) {
                String line = String.format(Locale.ROOT, "%s: %3.0f %%, %s left%s", p.section(), 100 * p.fraction(),
                        minutes(p.remaining()), p.controlThresholdMilliamps().isPresent()
                                ? String.format(Locale.ROOT, ", threshold %.3f mA",
                                p.controlThresholdMilliamps().getAsDouble()) : "");
                err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
                width = line.length();
                err.flush();
            }
        }

        void finish() {
            clear();
        }

        private void clear() {
            if (width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                width = 0;
            }
        }

        private static String minutes(Duration d) {
            long s = d.toSeconds();
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }
}
