package org.excitrack.gui.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.service.RunControl;
import org.excitrack.service.RunService;

/**
 * Real recordings for the Review tests, made once per test run by the in-process simulator in virtual time: two
 * TRONDNF recordings of one subject (healthy, then the ALS preset, so the comparison shows a change), an interrupted
 * one, and a TMS resting-motor-threshold recording. Shared by the ViewModel and headless view tests because a full
 * TRONDNF takes seconds even in virtual time.
 */
final class ReviewRecordings {
    static final String SUBJECT = "S01";
    /** nerve-norms' real TRONDNF recordings (MIT), beside the project. */
    static final Path NERVE_NORMS = Files.isDirectory(Path.of("..", "shared", "data", "nerve-norms"))
            ? Path.of("..", "shared", "data", "nerve-norms") : Path.of("/work/shared/data/nerve-norms");

    private static ReviewRecordings made;

    final Path folder;
    final Path earlier;
    final Path latest;
    final Path interrupted;
    final Path tms;

    private ReviewRecordings(Path folder) throws InterruptedException {
        this.folder = folder;
        this.earlier = trondnf("TRONDNF", "healthy", 1, folder.resolve("S01_TRONDNF_1.excitrack"), -1);
        this.latest = trondnf("TRONDNF", "als-early", 2, folder.resolve("S01_TRONDNF_2.excitrack"), -1);
        this.interrupted = trondnf("TRONDNF", "healthy", 3, folder.resolve("S02_TRONDNF_interrupted.excitrack"), 150);
        this.tms = new RunService(new RunControl()).run(new RunService.RunRequest("RMT", Map.of(),
                "sim:unit?subject=healthy&seed=4&noise=2uV", folder.resolve("S03_RMT.excitrack"),
                new RunService.Subject("S03", 50, "F", 33.0, "", ""), "tester", Map.of(), true,
                Optional.of(new RunService.Magnetic("sim:magstim-bistim", Optional.empty()))), e -> { }).recording();
    }

    static synchronized ReviewRecordings get() {
        if (made == null) {
            try {
                made = new ReviewRecordings(Files.createTempDirectory("excitrack-review"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return made;
    }

    /** @param abortAfter stop after this many trials (an interrupted recording), or -1 to run to the end */
    private static Path trondnf(String protocol, String preset, int seed, Path out, int abortAfter)
            throws InterruptedException {
        RunControl control = new RunControl();
        AtomicInteger trials = new AtomicInteger();
        String subject = out.getFileName().toString().substring(0, 3);
        return new RunService(control).run(new RunService.RunRequest(protocol, Map.of(),
                "sim:unit?subject=" + preset + "&seed=" + seed, out,
                new RunService.Subject(subject, 40 + seed, "F", 33.0, "Median Wr-APB", "NC"), "tester", Map.of(), true),
                e -> {
                    if (abortAfter > 0 && e instanceof SessionEvent.Trial && trials.incrementAndGet() == abortAfter) {
                        control.abort();
                    }
                }).recording();
    }
}
