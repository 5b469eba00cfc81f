package org.excitrack.sim;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.excitrack.sim.pty.PseudoTerminal;
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
        description = {"Runs a simulated acquisition unit on a pseudo-terminal and prints its port.",
            "Linux and macOS; it runs until interrupted (Ctrl-C)."},
        footer = {"", "Example:", "  excitrack sim --seed 7 --threshold 4.2mA",
            "  excitrack threshold --port serial:/dev/pts/N --interval 100ms   (in another terminal)"})
public final class SimCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", description = "Seed of all randomness (default: 1).")
    private String seed;

    @Option(names = "--threshold", paramLabel = "CURRENT",
            description = "Current for half the maximal CMAP with a 1 ms pulse (default: 4.2mA).")
    private String threshold;

    @Option(names = "--sdtc", paramLabel = "DURATION", description = "Strength-duration time constant (default: 450us).")
    private String sdtc;

    @Option(names = "--slope", description = "Spread of the recruitment curve on a log-current scale (default: 0.06).")
    private String slope;

    @Option(names = "--cmap", paramLabel = "VOLTAGE", description = "Maximal CMAP, negative peak (default: 8mV).")
    private String cmap;

    @Option(names = "--latency", paramLabel = "DURATION", description = "CMAP latency (default: 6.5ms).")
    private String latency;

    @Option(names = "--jitter", paramLabel = "PERCENT", description = "Trial-to-trial threshold jitter (default: 1%).")
    private String jitter;

    @Option(names = "--noise", paramLabel = "VOLTAGE", description = "Baseline noise, rms (default: 10uV).")
    private String noise;

    @Option(names = "--serial", description = "The unit's serial number (default: SIM-00001).")
    private String serial;

    @Option(names = "--protocol", paramLabel = "VERSIONS",
            description = "Protocol versions the unit speaks, e.g. 1 or 2-3 (default: 1), to test version checks.")
    private String protocol;

    @Option(names = "--hang-after", paramLabel = "TRIALS",
            description = "Stop answering after this many trials, to test a unit that stops answering.")
    private String hangAfter;

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
        try (PseudoTerminal pty = PseudoTerminal.open(); UnitServer server = UnitServer.start(pty.master(), config)) {
            out.printf("Simulated acquisition unit %s (protocol %d..%d), seed %d%n", config.serialNumber(),
                    config.protocolMin(), config.protocolMax(), config.seed());
            out.println("Subject: " + config.subject().describe());
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

    private Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
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
