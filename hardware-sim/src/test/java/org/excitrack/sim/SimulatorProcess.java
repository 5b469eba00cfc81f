package org.excitrack.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code excitrack sim} as its own JVM process, started the way a user would, connected over the
 * pseudo-terminal it prints. Ends with the test: closing it closes the child's stdin, which ends the child.
 */
final class SimulatorProcess implements AutoCloseable {
    private static final String PORT_PREFIX = "Port: ";
    /** Printed before the unit's port when {@code --tms} adds a stimulator. */
    private static final String STIMULATOR_PREFIX = "Stimulator: ";
    private final Process process;
    private final String port;
    private final String stimulatorPort;

    private SimulatorProcess(Process process, String port, String stimulatorPort) {
        this.process = process;
        this.port = port;
        this.stimulatorPort = stimulatorPort;
    }

    static SimulatorProcess start(String... simOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.excitrack.app.Main", "sim",
                "--exit-when-stdin-closes"));
        command.addAll(List.of(simOptions));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String[] stimulator = new String[1];
        CompletableFuture<String> portLine = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(STIMULATOR_PREFIX)) {
                        stimulator[0] = line.substring(STIMULATOR_PREFIX.length()).trim().split(" ")[0];
                    }
                    if (line.startsWith(PORT_PREFIX)) {
                        return line.substring(PORT_PREFIX.length()).trim();
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String port = portLine.get(30, TimeUnit.SECONDS);
            if (port == null) {
                process.destroyForcibly();
                throw new IOException("the simulator ended without printing its port (exit "
                        + process.waitFor() + ")");
            }
            return new SimulatorProcess(process, port, stimulator[0]);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("the simulator did not print its port: " + e, e);
        }
    }

    /** e.g. {@code serial:/dev/pts/5} */
    String port() {
        return port;
    }

    /** With {@code --tms}: the stimulator's port URI, e.g. {@code serial:/dev/pts/6?device=magstim-bistim}. */
    java.util.Optional<String> stimulatorPort() {
        return java.util.Optional.ofNullable(stimulatorPort);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
