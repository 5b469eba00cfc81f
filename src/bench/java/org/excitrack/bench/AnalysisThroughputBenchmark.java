package org.excitrack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.excitrack.analysis.ExcitabilityVariables;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.storage.mem.MemReader;

/**
 * Recordings analysed per second in one process: the real QTRAC recordings of the nerve-norms data set,
 * read from disk, parsed and turned into variables, again and again after a warm-up. Also the compute step
 * alone, on recordings already parsed.
 */
final class AnalysisThroughputBenchmark {
    private static final int WARMUP_PASSES = 30;
    private static final int MEASURED_PASSES = 200;

    private AnalysisThroughputBenchmark() {
    }

    static String run(Path dataDirectory) throws IOException {
        if (!Files.isDirectory(dataDirectory)) {
            return "Analysis throughput: skipped, no data set at " + dataDirectory + "\n";
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Stream.concat(Files.list(dataDirectory), Files.list(dataDirectory.resolve("samples")))) {
            s.filter(p -> p.getFileName().toString().toUpperCase(Locale.ROOT).endsWith(".MEM"))
                    .filter(p -> !p.getFileName().toString().startsWith("short_test")).sorted().forEach(files::add);
        }
        MemReader reader = new MemReader();
        long sink = 0;
        for (int i = 0; i < WARMUP_PASSES; i++) {
            sink += pass(files, reader);
        }
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED_PASSES; i++) {
            sink += pass(files, reader);
        }
        double fullSeconds = (System.nanoTime() - start) / 1e9;
        List<ExcitabilityRecording> parsed = new ArrayList<>();
        for (Path f : files) {
            parsed.add(reader.read(f));
        }
        start = System.nanoTime();
        for (int i = 0; i < MEASURED_PASSES * 5; i++) {
            for (ExcitabilityRecording r : parsed) {
                sink += ExcitabilityVariables.compute(r).numbered().size();
            }
        }
        double computeSeconds = (System.nanoTime() - start) / 1e9;
        long recordings = (long) files.size() * MEASURED_PASSES;
        return String.format(Locale.ROOT, "Analysis throughput, one thread, %d real MEM recordings × %d passes "
                        + "(after %d warm-up passes)%n"
                        + "  read from disk + parse + all variables: %,.0f recordings/s (%.1f µs each)%n"
                        + "  variables only, recordings already parsed: %,.0f recordings/s (%.1f µs each)%n"
                        + "  (checksum %d)%n",
                files.size(), MEASURED_PASSES, WARMUP_PASSES, recordings / fullSeconds, fullSeconds * 1e6 / recordings,
                recordings * 5 / computeSeconds, computeSeconds * 1e6 / (recordings * 5), sink);
    }

    private static long pass(List<Path> files, MemReader reader) {
        long n = 0;
        for (Path f : files) {
            n += ExcitabilityVariables.compute(reader.read(f)).numbered().size();
        }
        return n;
    }
}
