package org.excitrack.storage.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writer process ({@link RecordingCrashWriter}) with SIGKILL at seeded random points, 20 times on 20 files,
 * and checks that each file opens and holds every trial whose id the writer printed (it prints only after the commit
 * returned) and at most one more (committed, killed before printing), and that {@link RecordingFile#resume} continues
 * each one. The kill goes through {@link ProcessHandle#destroyForcibly()}: SIGKILL, no shutdown hooks.
 *
 * <p>Synchronisation is on the printed lines only. The kill point is randomised by the number of lines to wait for
 * and a seeded busy-wait of up to 2 ms after the last one, which lands the kill at a random place in the next
 * transaction. The seed fixes those parameters; how many trials a writer manages in the busy-wait depends on the
 * machine, which is the point.
 */
class RecordingCrashTest {
    private static final long SEED = 20261122L;
    private static final int RUNS = 20;
    /** Writers alive at once: JVM start-up dominates, so two overlap well even on two cores. */
    private static final int PARALLEL = 2;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aKilledWriterLeavesEveryPrintedTrialInTheFile() throws IOException, InterruptedException {
        Random random = new Random(SEED);
        List<Callable<String>> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Path file = dir.resolve("crash-" + run + ".excitrack");
            int waitForLines = 1 + random.nextInt(60);
            long spinNanos = random.nextInt(2_000_000);
            int n = run;
            runs.add(() -> killAndCheck(n, file, waitForLines, spinNanos));
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<String> report = new ArrayList<>();
        try {
            for (Future<String> f : pool.invokeAll(runs)) {
                report.add(f.get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("crash test: %d kills in %.1f s; printed/stored trials per file: %s%n", RUNS,
                (System.nanoTime() - start) / 1e9, report);
    }

    private String killAndCheck(int run, Path file, int waitForLines, long spinNanos)
            throws IOException, InterruptedException {
        long printed = killAfter(file, waitForLines, spinNanos);

        Recording recording = RecordingFile.open(file);

        List<Long> ids = recording.trials().stream().map(TrialRecord::trialId).toList();
        assertThat(ids).as("run %d: trials in %s after %d printed", run, file, printed)
                .isIn(ascending(printed), ascending(printed + 1));
        assertThat(recording.status()).isEqualTo(RecordingStatus.RECORDING);
        assertThat(recording.metadata()).isEqualTo(RecordingSamples.metadata());
        for (TrialRecord t : recording.trials()) {
            assertThat(t).isEqualTo(RecordingSamples.trial(t.trialId()));
        }
        long next = ids.size();
        try (RecordingWriter w = RecordingFile.resume(file)) { // the session continues where the dead one stopped
            assertThat(w.lastTrialId()).hasValue(next - 1);
            w.appendTrial(RecordingSamples.trial(next));
            w.finish();
        }
        assertThat(RecordingFile.open(file).trials()).hasSize(ids.size() + 1);
        return printed + "/" + ids.size();
    }

    /** Starts the writer, waits for {@code lines} printed ids, spins, kills it; returns how many ids it printed. */
    private long killAfter(Path file, int lines, long spinNanos) throws IOException, InterruptedException {
        Path stderr = dir.resolve(file.getFileName() + ".stderr");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dorg.sqlite.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"),
                RecordingCrashWriter.class.getName(), file.toString())
                .redirectError(stderr.toFile()).start();
        long printed = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            while (printed < lines) {
                String line = out.readLine();
                if (line == null) {
                    fail("writer exited after %d lines: %s", printed, Files.readString(stderr));
                }
                assertThat(Long.parseLong(line)).isEqualTo(printed);
                printed++;
            }
            long until = System.nanoTime() + spinNanos;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            // SIGKILL through the handle: Process.destroyForcibly() would also close our end of its stdout and lose
            // ids it printed that we have not read yet
            p.toHandle().destroyForcibly();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("writer died").isTrue();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                assertThat(Long.parseLong(line)).isEqualTo(printed); // printed before the kill, not yet read
                printed++;
            }
        } finally {
            p.destroyForcibly();
        }
        return printed;
    }

    private static List<Long> ascending(long count) {
        return LongStream.range(0, count).boxed().toList();
    }
}
