package org.excitrack.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Locale;

/**
 * Entry point of {@code mvn -Pbench verify}: runs every benchmark and writes a summary to stdout and to
 * {@code <outdir>/summary.txt}, with JMH's JSON beside it. Benchmarks measure; they never pass or fail on a
 * figure. A benchmark that cannot run at all (no simulator, no pty) does fail the build, because then the
 * figures the build promises are missing.
 *
 * <p>Usage: {@code Benchmarks [outdir]} (default {@code target/bench}). System properties
 * {@code bench.trials}, {@code bench.warmupTrials}, {@code bench.statusRequests} and
 * {@code bench.warmupStatus} change the round-trip counts.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path outdir = Paths.get(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(outdir);

        double loadBefore = loadAverage();
        PtyRoundTripBenchmark.Result pty = PtyRoundTripBenchmark.run(PtyRoundTripBenchmark.Settings
                .fromSystemProperties(), outdir);
        double loadAfterPty = loadAverage();
        String codec = CodecBenchmarkRunner.run(outdir);
        String analysis = AnalysisThroughputBenchmark.run(Path.of("..", "shared", "data", "nerve-norms"));
        String simulator = SimulatorCostBenchmark.run();
        String axon = AxonBenchmark.run();
        String session = SessionBenchmark.run(outdir);
        String rmt = RmtMethodsBenchmark.run();
        double loadAfterJmh = loadAverage();

        String summary = header(loadBefore, loadAfterPty, loadAfterJmh) + "\n" + pty.table() + "\n" + codec + "\n"
                + analysis + "\n" + simulator + "\n" + axon + "\n" + session + "\n" + rmt
                + "\nJMH results: " + outdir.resolve(CodecBenchmarkRunner.JSON_FILE) + "\n";
        Files.writeString(outdir.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println("==================== Excitrack benchmarks ====================");
        System.out.print(summary);
        System.out.println("Summary written to " + outdir.resolve("summary.txt"));
        // The device client's and JMH's helper threads must not keep Maven's exec step waiting.
        System.exit(0);
    }

    private static String header(double loadBefore, double loadAfterPty, double loadAfterJmh) {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "Excitrack benchmarks, %s%n  Java %s (%s), %s %s %s, %d CPUs%n"
                        + "  1-min load average %.2f at start, %.2f after the round trips, %.2f after JMH%n"
                        + "  (other processes competing for the CPUs show up as tail latency: compare runs at "
                        + "similar load)%n",
                Instant.now(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                rt.availableProcessors(), loadBefore, loadAfterPty, loadAfterJmh);
    }

    /** Negative when the platform does not report one. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
