package org.excitrack.sim;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.excitrack.model.excitability.DerivedVariable;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.sim.magstim.VirtualMagstimConfig;
import org.excitrack.sim.pty.PseudoTerminal;
import org.excitrack.transport.PortUri;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code excitrack sim}: the virtual acquisition unit as its own process on a pseudo-terminal, which a
 * controller opens exactly as it would a USB-serial device.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Runs a simulated acquisition unit on a pseudo-terminal and prints its port (with --tms, also a",
            "magnetic stimulator wired to the unit's trigger outputs, on a second pseudo-terminal),",
            "or with --truth prints the virtual subject's own excitability variables.",
            "Linux and macOS; it runs until interrupted (Ctrl-C)."},
        footer = {"", "Examples:", "  excitrack sim --subject als-early --seed 7",
            "  excitrack sim --subject healthy --tms magstim-bistim   (a unit and a BiStim² wired to it)",
            "  excitrack sim --subject healthy --truth --format json",
            "  excitrack threshold --port serial:/dev/pts/N --interval 100ms   (in another terminal)"})
public final class SimCommand implements Callable<Integer> {
    private final Function<ExcitabilityRecording, List<DerivedVariable>> variableDefinitions;

    /** @param variableDefinitions the QtracP variables of a recording's curves, for {@code --truth} */
    public SimCommand(Function<ExcitabilityRecording, List<DerivedVariable>> variableDefinitions) {
        this.variableDefinitions = variableDefinitions;
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", description = "Seed of all randomness (default: 1).")
    private String seed;

    @Option(names = "--subject", paramLabel = "NAME|FILE",
            description = "Virtual subject: a built-in preset (healthy, healthy-young, healthy-older, als-early, "
                    + "als-late, als-mexiletine, noisy, cold-limb) or a .subject file (default: healthy).")
    private String subject;

    @Option(names = "--layer", description = "Axon model: phenomenological or biophysical (default: the preset's).")
    private String layer;

    @Option(names = "--contraction", paramLabel = "PERCENT",
            description = "Voluntary contraction of the recorded muscle, %% of maximum (default: 0, at rest).")
    private String contraction;

    @Option(names = "--truth", description = "Print the subject's own noise-free excitability variables and exit.")
    private boolean truth;

    @Option(names = "--format", paramLabel = "table|json", description = "Output of --truth (default: table).")
    private String format;

    @Option(names = "--target", paramLabel = "PERCENT",
            description = "Tracking target for --truth, %% of the maximal CMAP (default: 40).")
    private String target;

    @Option(names = "--threshold", paramLabel = "CURRENT",
            description = "Override the median motor unit's 1 ms threshold, e.g. 4.2mA.")
    private String threshold;

    @Option(names = "--sdtc", paramLabel = "DURATION",
            description = "Override the SDTC of the phenomenological layer, e.g. 450us.")
    private String sdtc;

    @Option(names = "--slope", description = "Override the spread of the units' log thresholds (healthy: 0.10).")
    private String slope;

    @Option(names = "--cmap", paramLabel = "VOLTAGE", description = "Override the maximal CMAP, e.g. 8mV.")
    private String cmap;

    @Option(names = "--latency", paramLabel = "DURATION", description = "Override the CMAP peak latency, e.g. 4ms.")
    private String latency;

    @Option(names = "--jitter", paramLabel = "PERCENT",
            description = "Override each unit's trial-to-trial threshold jitter, e.g. 1.65%%.")
    private String jitter;

    @Option(names = "--noise", paramLabel = "VOLTAGE", description = "Override the baseline noise, rms, e.g. 10uV.")
    private String noise;

    @Option(names = "--serial", description = "The unit's serial number (default: SIM-00001).")
    private String serial;

    @Option(names = "--protocol", paramLabel = "VERSIONS",
            description = "Protocol versions the unit speaks, e.g. 1 or 2-3 (default: 1), to test version checks.")
    private String protocol;

    @Option(names = "--hang-after", paramLabel = "TRIALS",
            description = "Stop answering after this many trials, to test a unit that stops answering.")
    private String hangAfter;

    @Option(names = "--tms", paramLabel = "STIMULATOR",
            description = {"Also simulate a magnetic stimulator wired to the unit's trigger outputs, on a second "
                + "pseudo-terminal: magstim-200, magstim-bistim or magstim-rapid, optionally with parameters, e.g. "
                + "'magstim-bistim?mode=bistim' or 'magstim-200?fault=coil-hot'."})
    private String tms;

    @Option(names = "--exit-when-stdin-closes", hidden = true,
            description = "End when standard input closes, so a parent process that dies takes the simulator with it.")
    private boolean exitWhenStdinCloses;

    @Override
    public Integer call() throws InterruptedException {
        SimulatorConfig config;
        try {
            config = SimulatorConfig.fromParameters(parameters());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (truth) {
            return new TruthPrinter(out, variableDefinitions).print(config, targetPercent(), truthFormat());
        }
        VirtualMagstimConfig stimulator = tms == null ? null : stimulatorConfig();
        try (PseudoTerminal pty = PseudoTerminal.open(); UnitServer server = UnitServer.start(pty.master(), config);
             PseudoTerminal stimulatorPty = stimulator == null ? null : PseudoTerminal.open()) {
            out.printf("Simulated acquisition unit %s (protocol %d..%d), seed %d%n", config.serialNumber(),
                    config.protocolMin(), config.protocolMax(), config.seed());
            out.println("Subject: " + config.subject().describe());
            if (stimulator != null) {
                StimulatorPorts.serve(stimulatorPty.master(), stimulator, server.attachment());
                out.println("Stimulator: serial:" + stimulatorPty.slavePath() + "?device="
                        + stimulator.model().uriName() + " (" + StimulatorPorts.describe(stimulator) + ")");
            }
            out.println("Port: serial:" + pty.slavePath());
            out.println("Press Ctrl-C to stop.");
            out.flush();
            if (exitWhenStdinCloses) {
                waitForStdinToClose();
            } else {
                server.awaitTermination();
            }
        }
        return 0;
    }

    /** {@code --tms magstim-bistim?mode=bistim}: the name, then the same parameters as {@code sim:magstim-…}. */
    private VirtualMagstimConfig stimulatorConfig() {
        try {
            PortUri uri = PortUri.parse("sim:" + tms.strip());
            return VirtualMagstimConfig.fromParameters(StimulatorModel.fromUriName(uri.path()), uri.parameters());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--tms " + tms + ": " + e.getMessage());
        }
    }

    private Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "subject", subject);
        put(p, "layer", layer);
        put(p, "contraction", contraction);
        put(p, "seed", seed);
        put(p, "threshold", threshold);
        put(p, "sdtc", sdtc);
        put(p, "slope", slope);
        put(p, "cmap", cmap);
        put(p, "latency", latency);
        put(p, "jitter", jitter);
        put(p, "noise", noise);
        put(p, "serial", serial);
        put(p, "protocol", protocol);
        put(p, "hangAfter", hangAfter);
        return p;
    }

    private double targetPercent() {
        if (target == null) {
            return 40;
        }
        try {
            double t = Double.parseDouble(target.strip().replace("%", ""));
            if (t > 0 && t < 100) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "--target " + target
                + ": expected a percentage of the maximal CMAP between 0 and 100, e.g. 40");
    }

    private TruthPrinter.Format truthFormat() {
        if (format == null || format.equalsIgnoreCase("table")) {
            return TruthPrinter.Format.TABLE;
        }
        if (format.equalsIgnoreCase("json")) {
            return TruthPrinter.Format.JSON;
        }
        throw new ParameterException(spec.commandLine(), "--format " + format + ": expected table or json");
    }

    private static void put(Map<String, String> p, String name, String value) {
        if (value != null) {
            p.put(name, value);
        }
    }

    private static void waitForStdinToClose() {
        try {
            while (System.in.read() >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException e) {
            // A broken stdin means the parent is gone, which is what we wait for.
        }
    }
}
