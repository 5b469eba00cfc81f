package org.excitrack.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionState;
import org.excitrack.service.AnalysisService;
import org.excitrack.service.RunControl;
import org.excitrack.service.RunService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code excitrack run}: a whole protocol, recorded to a new file, with a live progress line and the variables
 * at the end. Ctrl-C aborts: the unit stops the trial in flight at once and the recording keeps every trial.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a protocol against a unit, records every trial to a new recording file, and ends",
            "with the excitability variables and their z-scores against healthy subjects of the same age."},
        footer = {"", "Example (built-in simulator, simulated time: a whole TRONDNF in seconds):",
            "  excitrack run TRONDNF --port sim:unit?subject=als-early --virtual-time --out als.excitrack \\",
            "      --subject-id S01 --age 58 --sex M --temperature 33",
            "", "Ctrl-C aborts the run; the recording keeps every completed trial."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PROTOCOL", description = "A built-in protocol (see 'excitrack protocols') or a .exc file.")
    private String protocol;

    @Option(names = "--port", required = true, paramLabel = "URI",
            description = "Acquisition unit: serial:/dev/ttyUSB0, sim:unit?subject=healthy&seed=7, spy:<uri>.")
    private String port;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The recording file to create (.excitrack); an existing file is never overwritten.")
    private Path out;

    @Option(names = "--subject-id", defaultValue = "anonymous", paramLabel = "ID",
            description = "Pseudonymous subject id (default: ${DEFAULT-VALUE}).")
    private String subjectId;

    @Option(names = "--age", paramLabel = "YEARS", description = "Age in years (z-scores are age-adjusted).")
    private Integer age;

    @Option(names = "--sex", paramLabel = "M|F", description = "Sex, M or F.")
    private String sex;

    @Option(names = "--temperature", paramLabel = "CELSIUS", description = "Skin temperature, °C.")
    private Double temperature;

    @Option(names = "--sites", paramLabel = "TEXT", description = "Stimulation and recording sites (default: Median Wr-APB).",
            defaultValue = "Median Wr-APB")
    private String sites;

    @Option(names = "--group", paramLabel = "TEXT", description = "Group, e.g. NC, ALS.")
    private String group;

    @Option(names = "--operator", defaultValue = "", paramLabel = "NAME", description = "Who records.")
    private String operator;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a protocol parameter, e.g. target=30%%.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--input", paramLabel = "NAME=VALUE",
            description = "Answer a protocol input in its unit, e.g. temperature=33 (°C).")
    private Map<String, Double> inputs = new LinkedHashMap<>();

    @Option(names = "--virtual-time",
            description = "Run the in-process simulator in simulated time: the protocol's intervals cost no real time.")
    private boolean virtualTime;

    @Override
    public Integer call() throws InterruptedException {
        if (sex != null && !sex.equals("M") && !sex.equals("F")) {
            throw new ParameterException(spec.commandLine(), "--sex " + sex + ": expected M or F");
        }
        RunService.Subject subject = new RunService.Subject(subjectId, age, sex, temperature, sites, group);
        RunControl control = new RunControl();
        Thread abortOnInterrupt = new Thread(control::abort, "abort-on-ctrl-c");
        Runtime.getRuntime().addShutdownHook(abortOnInterrupt);
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), System.console() != null);
        RunService.RunReport report;
        try {
            report = new RunService(control).run(new RunService.RunRequest(protocol, overrides, port, out, subject,
                    operator, inputs, virtualTime), progress::on);
        } finally {
            progress.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(abortOnInterrupt);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook is running and aborts the session
            }
        }
        print(report, spec.commandLine().getOut());
        return report.outcome().state() == SessionState.FINISHED ? 0 : 1;
    }

    private static void print(RunService.RunReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %s; %d trials on unit %s; recording %s%n", r.outcome().state() == SessionState.FINISHED
                ? "Finished" : "Stopped", r.outcome().reason(), r.outcome().trials(), r.unit(), r.recording());
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
        out.flush();
    }

    /** Section, percent, time left and the latest control threshold, on one line rewritten in place. */
    private static final class ProgressLine {
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
