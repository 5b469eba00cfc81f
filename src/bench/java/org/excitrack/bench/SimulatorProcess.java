package org.excitrack.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code excitrack sim} as its own process, started the way a user would (same jar contents, own JVM), so
 * the benchmark crosses a real pseudo-terminal between two processes.
 */
final class SimulatorProcess implements AutoCloseable {
    private static final String PORT_PREFIX = "Port: ";
    private static final long STARTUP_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final String portUri;

    private SimulatorProcess(Process process, String portUri) {
        this.process = process;
        this.portUri = portUri;
    }

    /**
     * Starts the simulator and waits for the port it prints. Its output (and stderr) goes to {@code log}; it
     * must be drained all along, or a full pipe would stall the simulator mid-benchmark.
     */
    static SimulatorProcess start(long seed, Path log) throws IOException, InterruptedException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), "org.excitrack.app.Main",
                "sim", "--seed", Long.toString(seed), "--exit-when-stdin-closes");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> port = new CompletableFuture<>();
        Thread drain = new Thread(() -> drain(process, log, port), "sim-output");
        drain.setDaemon(true);
        drain.start();
        try {
            return new SimulatorProcess(process, port.get(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("simulator did not print its port: " + (e.getCause() != null
                    ? e.getCause().getMessage() : "nothing within " + STARTUP_TIMEOUT_SECONDS + " s")
                    + "; its output is in " + log, e);
        }
    }

    /** e.g. {@code serial:/dev/pts/3}, exactly as printed. */
    String portUri() {
        return portUri;
    }

    private static void drain(Process process, Path log, CompletableFuture<String> port) {
        List<String> early = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (!port.isDone()) {
                    early.add(line);
                    if (line.startsWith(PORT_PREFIX)) {
                        port.complete(line.substring(PORT_PREFIX.length()).trim());
                    }
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IOException("simulator ended (exit " + exitCode(process) + ") with output "
                + early));
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /**
     * Closes its stdin, which ends it (--exit-when-stdin-closes), and destroys it if it does not end soon.
     *
     * @return how it ended, for the report: a simulator that outlives its parent would leak pseudo-terminals
     */
    String stop() {
        if (!process.isAlive()) {
            return "already ended (exit " + process.exitValue() + ")";
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Destroyed below either way.
        }
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                return "ended when its stdin closed (exit " + process.exitValue() + ")";
            }
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            return "did NOT end when its stdin closed; destroyed";
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return "destroyed (interrupted while waiting for it)";
        }
    }

    @Override
    public void close() {
        stop();
    }
}
