package org.excitrack.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs {@link CodecBenchmark} through JMH's API and turns its results into a table. */
final class CodecBenchmarkRunner {
    static final String JSON_FILE = "jmh-codec.json";
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private CodecBenchmarkRunner() {
    }

    /** Forks, warm-up and measurement come from the annotations on {@link CodecBenchmark}. */
    static String run(Path outdir) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(CodecBenchmark.class.getName() + "\\.")
                // allocation per operation is the figure a reader thread's GC pressure follows
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(outdir.resolve(JSON_FILE).toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        return table(results);
    }

    private static String table(Collection<RunResult> results) {
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(CodecBenchmarkRunner::label));
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Codec + framing, JMH average time (1 fork, 3 × 1 s warm-up, 5 × 1 s "
                + "measurement)%n  frames: TRIAL %d bytes; TRIAL_RESULT of 300 samples per channel %d bytes (1 ch), "
                + "%d bytes (2 ch)%n", commandFrameBytes(), resultFrameBytes(1), resultFrameBytes(2)));
        b.append(String.format(Locale.ROOT, "%n  %-28s %12s %12s %14s%n", "benchmark", "µs/op", "± (99.9%)",
                "alloc B/op"));
        for (RunResult r : sorted) {
            Result<?> primary = r.getPrimaryResult();
            Result<?> alloc = r.getSecondaryResults().get(ALLOCATION);
            b.append(String.format(Locale.ROOT, "  %-28s %12.3f %12.3f %14s%n", label(r), primary.getScore(),
                    primary.getScoreError(),
                    alloc == null ? "n/a" : String.format(Locale.ROOT, "%.0f", alloc.getScore())));
        }
        b.append("  encode = MessageCodec.encode + FrameEncoder.encode; decode = FrameDecoder.feed + "
                + "MessageCodec.decode\n");
        return b.toString();
    }

    /** The method name, with the channel count where the benchmark has one. */
    private static String label(RunResult r) {
        String name = r.getParams().getBenchmark();
        String method = name.substring(name.lastIndexOf('.') + 1);
        String channels = r.getParams().getParam("channels");
        return channels == null ? method : method + " (" + channels + " ch)";
    }

    private static int commandFrameBytes() {
        return CodecFixtures.frame(CodecFixtures.trialCommand(42, CodecFixtures.trial(7))).length;
    }

    private static int resultFrameBytes(int channels) {
        return CodecFixtures.frame(CodecFixtures.trialResultReply(42, CodecFixtures.nerveResult(7, channels))).length;
    }
}
