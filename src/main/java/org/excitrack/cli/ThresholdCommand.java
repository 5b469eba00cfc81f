package org.excitrack.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.excitrack.model.SafetyLimits;
import org.excitrack.service.ThresholdProgress;
import org.excitrack.service.ThresholdReport;
import org.excitrack.service.ThresholdRequest;
import org.excitrack.service.ThresholdService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "threshold", mixinStandardHelpOptions = true,
        description = {"Finds the maximal CMAP, then tracks the current that evokes the target response.",
            "Prints the threshold in mA with its standard error and the number of stimuli used."},
        footer = {"", "Example (built-in simulator):",
            "  excitrack threshold --port sim:unit --width 1ms --target 40%% --interval 100ms"})
public final class ThresholdCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "URI",
            description = "Acquisition unit: serial:/dev/ttyUSB0, serial:COM3, sim:unit?seed=7, spy:<uri>.")
    private String port;

    @Option(names = "--width", defaultValue = "1ms", converter = Converters.Micros.class, paramLabel = "DURATION",
            description = "Test pulse width (default: ${DEFAULT-VALUE}).")
    private long widthMicros;

    @Option(names = "--target", defaultValue = "40%", converter = Converters.Percent.class, paramLabel = "PERCENT",
            description = "Target response, %% of the maximal CMAP (default: ${DEFAULT-VALUE}).")
    private double targetPercent;

    @Option(names = "--interval", defaultValue = "1s", converter = Converters.Micros.class, paramLabel = "DURATION",
            description = "Time between stimuli (default: ${DEFAULT-VALUE}).")
    private long intervalMicros;

    @Option(names = "--start", defaultValue = "1mA", converter = Converters.Nanoamps.class, paramLabel = "CURRENT",
            description = "First stimulus of the search for the maximal response (default: ${DEFAULT-VALUE}).")
    private long startNanoamps;

    @Option(names = "--max-current", defaultValue = "50mA", converter = Converters.Nanoamps.class,
            paramLabel = "CURRENT", description = "Never stimulate above this (default: ${DEFAULT-VALUE}).")
    private long maxCurrentNanoamps;

    @Option(names = "--precision", defaultValue = "1%", converter = Converters.Percent.class, paramLabel = "PERCENT",
            description = "Stop when the threshold's standard error is at most this (default: ${DEFAULT-VALUE}).")
    private double precisionPercent;

    @Option(names = "--max-stimuli", defaultValue = "30", paramLabel = "N",
            description = "Most tracking stimuli before giving an answer anyway (default: ${DEFAULT-VALUE}).")
    private int maxStimuli;

    @Override
    public Integer call() throws InterruptedException {
        SafetyLimits limits = SafetyLimits.nerveDefaults();
        limits = new SafetyLimits(Math.min(maxCurrentNanoamps, limits.maxPulseCurrentNanoamps()),
                limits.maxPulseChargeNanocoulombs(), limits.maxPolarizingCurrentNanoamps(),
                limits.maxPolarizingChargeNanocoulombs(), limits.maxPolarizingDurationMicros(),
                limits.minTrialIntervalMicros());
        ThresholdRequest request;
        try {
            request = new ThresholdRequest(port, widthMicros, targetPercent, intervalMicros, startNanoamps, limits,
                    precisionPercent, maxStimuli);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), System.console() != null);
        ThresholdReport report = new ThresholdService().measure(request, progress::show);
        progress.finish();
        print(report, spec.commandLine().getOut());
        return 0;
    }

    private static void print(ThresholdReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "Unit %s (%s, firmware %s), protocol %d%n", r.unit().serialNumber(), r.unit().model(),
                r.unit().firmwareVersion(), r.unit().protocolVersion());
        out.printf(Locale.ROOT, "Maximal CMAP %.2f mV; target %.0f %% = %.2f mV%n",
                r.maximalResponseMicrovolts() / 1000, r.targetPercent(), r.targetMicrovolts() / 1000);
        out.printf(Locale.ROOT, "Threshold %.3f mA ± %.3f mA (standard error), %d µs pulse%n",
                r.threshold().thresholdMilliamps(), r.threshold().standardErrorMilliamps(), r.widthMicros());
        out.printf(Locale.ROOT, "Stimuli %d (%d to find the maximal CMAP, %d tracking)%s%n", r.stimuliUsed(),
                r.searchStimuli(), r.trackingStimuli(),
                r.converged() ? "" : "; precision target NOT reached within the stimulus budget");
        out.flush();
    }

    /** One line, rewritten in place, so a technician sees each stimulus without the screen scrolling. */
    private static final class ProgressLine {
        private final PrintWriter err;
        private final boolean interactive;
        private int width;

        ProgressLine(PrintWriter err, boolean interactive) {
            this.err = err;
            this.interactive = interactive;
        }

        void show(ThresholdProgress p) {
            if (!interactive) {
                return;
            }
            String phase = p.phase() == ThresholdProgress.Phase.SEARCHING_MAXIMUM ? "finding maximal CMAP" : "tracking";
            String line = String.format(Locale.ROOT, "%s: stimulus %d, %.3f mA -> %.2f mV%s", phase, p.stimulusNumber(),
                    p.stimulusNanoamps() / 1e6, p.responseMicrovolts() / 1000,
                    p.estimate().map(e -> String.format(Locale.ROOT, ", threshold %.3f ± %.3f mA",
                            e.thresholdMilliamps(), e.standardErrorMilliamps())).orElse(""));
            err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
            err.flush();
        }

        void finish() {
            if (width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
            }
        }
    }
}
