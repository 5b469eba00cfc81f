package org.excitrack.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.UnitCapabilities;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the compiler's contract: for any text and any overrides, {@link ProtocolCompiler#compile} returns a plan
 * or diagnostics. It never throws, hangs, recurses or allocates without bound; a valid result has a plan and no
 * error, an invalid one at least one error; every diagnostic renders and points inside its own source.
 *
 * <p>A plain {@code mvn test} runs this as a regression test: only the inputs committed under
 * {@code src/test/resources/org/excitrack/lang/ProtocolFuzzTestInputs/compileNeverFails/} (plus the empty input),
 * in about a second, with no setup. To fuzz for real (Linux, macOS or Windows on x86_64/arm64; nothing to install),
 * from the project root:
 *
 * <pre>
 *   JAZZER_FUZZ=1 mvn -B test -Dtest=ProtocolFuzzTest -Djazzer.max_duration=60s
 * </pre>
 *
 * ({@code -Djazzer.max_duration} takes 30s, 10m, 2h…; without it the session lasts the annotation's 5m. Without
 * JAZZER_FUZZ the pom's {@code jazzer-regression} profile turns Jazzer's hooks off, which only guide fuzzing.)
 * New coverage goes to {@code .cifuzz-corpus/} (git-ignored; delete it when done). A crash stops the run and
 * Jazzer writes {@code crash-<sha1>} into the inputs folder above, where the next {@code mvn test} replays it:
 * fix the bug, keep the file (renamed to say what it is) if it is small, and never commit a pile of them.
 *
 * <p>Each input picks one of three ways to build the text (the input's last byte, mod 3): 0 takes the rest of the
 * input as text; 1 splices keywords, units, numbers and line ranges of the real protocols; 2 edits a real protocol
 * (inserts, deletes, repeats). Its second-last byte (mod 4) is the number of {@code --set} overrides. So a seed
 * that is a protocol followed by the two characters {@code 00} compiles exactly that protocol, with no overrides.
 * The include resolver serves the built-in TRONDNF parts, a few fragments (one including itself through another,
 * a chain deeper than the include limit, a fan-out that names 10^7 files, a broken one) and the root file itself;
 * any other path is refused.
 */
class ProtocolFuzzTest {
    private static final String ROOT = "fuzz.exc";
    private static final String LIBRARY = "/org/excitrack/protocols/";
    private static final List<String> TOP_LEVEL = List.of("TRONDNF", "TRONDNF-IV", "TRONDNF-RC", "TRONDNF-SD",
            "TRONDNF-SR", "TRONDNF-TE");
    private static final List<String> PARTS = List.of("settings", "preparation", "stimulus-response",
            "charge-duration", "threshold-electrotonus", "current-threshold", "recovery-cycle");
    private static final int DEEP_CHAIN = 12;
    /** fan-0 includes fan-1 ten times, which includes fan-2 ten times…: a few bytes that name 10^FAN_LEVELS files. */
    private static final int FAN_LEVELS = 7;
    private static final int MAX_TEXT = 60_000;
    /** Far above any real compile (milliseconds); a compile that takes longer hangs. */
    private static final long HANG_SECONDS = 10;
    private static volatile ExecutorService worker = newWorker();

    /** A broken protocol: a misspelt unit, a misspelt channel and variable, an unknown statement, a bad setting. */
    static final String BROKEN = """
            protocol "Broken"

            settings {
              sample rate 12 kHz
              interval 0.5
              maximum threshold 25 mA
            }

            section "TE" {
              track serial {
                channel "control" { test width 1 mA }
                channel "conditioned" {
                  polarizing -100 % of threshold "contrl" from 10 ms for 100 ms
                  test at dealy
                }
                step delay over [0 ms to 100 ms step 10 ms]
              }
              promt "hello"
              repeat while maximal response < 0.5 mV {
                prompt "x"
              }
            }
            """;

    private static final Map<String, String> FRAGMENTS = fragments();
    /** Every text the splicer and the editor draw from: the built-ins (parts made whole), fragments, BROKEN. */
    private static final List<String> BASES = bases();
    private static final List<List<String>> LINES = BASES.stream().map(t -> List.of(t.split("\n", -1))).toList();

    private static final String[] KEYWORDS = {"protocol", "version", "author", "description", "parameter", "settings",
        "include", "section", "prompt", "confirm", "checklist", "input", "stimulus response width", "for", "in", "if",
        "else", "repeat", "at most", "times", "while", "track", "track serial", "track parallel", "channel",
        "untracked", "test", "test width", "test at", "pulse", "supramaximal", "polarizing", "of threshold", "from",
        "for", "at", "width", "step", "over", "to", "count", "geometric", "and", "or", "not", "then", "maximal response",
        "anodal", "cathodal", "sample rate", "window", "interval", "target", "of maximal response", "stimuli per point",
        "precision", "maximum stimulus", "maximum threshold", "test_width", "delay", "level", "isi", "current"};
    private static final String[] UNITS = {"ms", "µs", "us", "s", "sec", "mA", "µA", "uA", "nA", "mV", "µV", "uV", "Hz",
        "kHz", "%", "°C", "degC", "MS", "msec", "percent", "milliamps", "V", "A"};
    private static final String[] NUMBERS = {"0", "1", "-1", "0.5", ".5", "1.", "2", "10", "40", "50", "100", "101",
        "1000", "65535", "65536", "2147483647", "2147483648", "-2147483648", "9223372036854775807",
        "99999999999999999999999", "1e9", "0.0000001", "00", "007", "1.5.5"};
    private static final String[] PUNCTUATION = {"{", "}", "[", "]", "(", ")", ",", ":", "\"", "“", "”", "=", "==",
        "!=", "!", "<", "<=", ">", ">=", "≤", "≥", "+", "-", "−", "*", "×", "/", "#", "\\", "\n", "\r\n", "\t", " ",
        "\u00a0", "\ufeff", "\0", "\uD800", "𝄞"};
    private static final String[] PARAMETERS = {"target", "interval", "test_width", "width", "level", "delay", "isi",
        "current", "temperature", "x", "a", ""};
    private static final String[] VALUES = {"30 %", "40 %", "2 s", "1 ms", "0.5 ms", "-1 ms", "0", "1", "1 mA",
        "[1 ms, 2 ms]", "target", "interval * 2", "1 ms\nsection \"x\" { }", "\"text\"", "", "(", "1 +", "((((1))))"};

    @FuzzTest(maxDuration = "5m")
    void compileNeverFails(FuzzedDataProvider data) {
        int mode = data.consumeInt(0, 2);
        Map<String, String> overrides = overrides(data);
        String text = switch (mode) {
            case 0 -> data.consumeRemainingAsString();
            case 1 -> splice(data);
            default -> edit(data);
        };
        check(text, overrides);
    }

    /** Guards the harness itself: the unchanged built-ins compile, so the fuzzer starts from valid plans. */
    @Test
    void theBuiltInsCompileThroughTheFuzzResolver() {
        for (String name : TOP_LEVEL) {
            CompileResult r = check(resource(name + ".exc"), Map.of());
            assertTrue(r.isValid(), () -> name + ":\n" + r.renderDiagnostics());
        }
        CompileResult broken = check(BROKEN, Map.of());
        assertFalse(broken.isValid());
        CompileResult cycle = check("protocol \"c\"\ninclude \"fragments/loop-a.exc\"\ninclude \"" + ROOT + "\"\n"
                + "include \"fragments/deep-0.exc\"\ninclude \"nowhere.exc\"\nsection \"s\" { prompt \"p\" }\n", Map.of());
        assertFalse(check("protocol \"bomb\"\ninclude \"fragments/fan-0.exc\"\nsection \"s\" { prompt \"p\" }\n",
                Map.of()).isValid(), "10^7 includes compile to a plan");
        assertEquals(4, cycle.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count(),
                cycle::renderDiagnostics);
    }

    // ---- the contract ----------------------------------------------------------------------------------------

    static CompileResult check(String text, Map<String, String> overrides) {
        SourceFile root = SourceFile.of(ROOT, text);
        CompileContext context = new CompileContext(UnitCapabilities.referenceUnit(), SafetyLimits.nerveDefaults(),
                overrides, new Fragments(root));
        CompileResult result = withinTime(() -> ProtocolCompiler.compile(root, context));
        assertNotNull(result, "compile returned null");
        assertNotNull(result.diagnostics(), "no diagnostics list");
        long errors = result.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
        if (result.isValid()) {
            assertNotNull(result.plan().get(), "a valid result without a plan");
            assertEquals(0, errors, () -> "a plan despite errors:\n" + result.renderDiagnostics());
            assertNotNull(PlanSummary.render(result.plan().get()));
        } else {
            assertTrue(errors >= 1, () -> "no plan and no error:\n" + result.renderDiagnostics());
        }
        for (Diagnostic d : result.diagnostics()) {
            checkDiagnostic(d);
        }
        assertNotNull(result.renderDiagnostics());
        return result;
    }

    /**
     * Runs the compile on a worker thread so a hang fails the input instead of stalling the run. (JUnit's
     * {@code @Timeout} would do in regression mode, but under JAZZER_FUZZ it also times the whole session.)
     */
    private static CompileResult withinTime(Callable<CompileResult> compile) {
        Future<CompileResult> running = worker.submit(compile);
        try {
            return running.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            worker = newWorker(); // the stuck thread is a daemon; later inputs get a fresh one
            throw new AssertionError("compile still running after " + HANG_SECONDS + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "protocol-fuzz-compile");
            t.setDaemon(true);
            return t;
        });
    }

    private static void checkDiagnostic(Diagnostic d) {
        assertNotNull(d.severity(), "a diagnostic without severity");
        assertNotNull(d.span(), "a diagnostic without a place");
        assertNotNull(d.hint(), "a null hint");
        assertTrue(d.message() != null && !d.message().isBlank(), "a diagnostic without a message");
        SourceFile source = d.span().source();
        assertNotNull(source, "a span without a source");
        int length = source.text().length();
        int start = d.span().start();
        int end = d.span().end();
        assertTrue(0 <= start && start <= end && end <= length,
                () -> "span " + start + ".." + end + " outside " + source.name() + " (" + length + " chars): " + d.message());
        int line = d.span().line();
        assertTrue(line >= 1 && line <= source.lineStarts().size(), () -> "line " + line + " outside " + source.name());
        int lineStart = source.lineStarts().get(line - 1);
        int lineEnd = line < source.lineStarts().size() ? source.lineStarts().get(line) - 1 : length;
        int column = d.span().column();
        assertTrue(column >= 1 && column <= lineEnd - lineStart + 1,
                () -> "column " + column + " outside line " + line + " of " + source.name() + ": " + d.message());
        String rendered = d.render();
        assertTrue(rendered.startsWith(d.location() + ": "), () -> "render: " + rendered);
    }

    // ---- inputs ----------------------------------------------------------------------------------------------

    private static Map<String, String> overrides(FuzzedDataProvider data) {
        int count = data.consumeInt(0, 3);
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String key = data.consumeBoolean() ? data.pickValue(PARAMETERS) : data.consumeAsciiString(12);
            String value = data.consumeBoolean() ? data.pickValue(VALUES) : data.consumeString(40);
            overrides.put(key, value);
        }
        return overrides;
    }

    /** Text made of grammar pieces and whole lines of real protocols, in an order the input chooses. */
    private static String splice(FuzzedDataProvider data) {
        StringBuilder b = new StringBuilder();
        int pieces = data.consumeInt(1, 200);
        for (int i = 0; i < pieces && data.remainingBytes() > 0 && b.length() < MAX_TEXT; i++) {
            b.append(piece(data));
        }
        return b.toString();
    }

    /** A real protocol with a few edits: most of it still parses, so the checks after the parser get exercised. */
    private static String edit(FuzzedDataProvider data) {
        StringBuilder b = new StringBuilder(data.pickValue(BASES));
        int edits = data.consumeInt(0, 8);
        for (int i = 0; i < edits && b.length() < MAX_TEXT; i++) {
            int at = data.consumeInt(0, b.length());
            switch (data.consumeInt(0, 3)) {
                case 0 -> b.insert(at, piece(data));
                case 1 -> b.delete(at, Math.min(b.length(), at + data.consumeInt(1, 80)));
                case 2 -> {
                    int end = at;
                    while (end < b.length() && !Character.isWhitespace(b.charAt(end))) {
                        end++;
                    }
                    b.replace(at, end, piece(data));
                }
                default -> {
                    String copied = b.substring(at, Math.min(b.length(), at + data.consumeInt(1, 200)));
                    int times = data.consumeInt(1, 100);
                    b.insert(at, copied.repeat(Math.min(times, Math.max(1, (MAX_TEXT - b.length()) / Math.max(1, copied.length())))));
                }
            }
        }
        return b.toString();
    }

    private static String piece(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 7)) {
            case 0 -> data.pickValue(KEYWORDS) + " ";
            case 1 -> data.pickValue(UNITS) + " ";
            case 2 -> data.pickValue(NUMBERS) + " ";
            case 3 -> data.pickValue(PUNCTUATION);
            case 4 -> {
                List<String> lines = data.pickValue(LINES);
                int from = data.consumeInt(0, lines.size() - 1);
                int to = Math.min(lines.size(), from + data.consumeInt(1, 12));
                yield String.join("\n", lines.subList(from, to)) + "\n";
            }
            case 5 -> data.consumeString(24);
            case 6 -> "\"" + data.consumeAsciiString(16) + "\" ";
            default -> data.consumeInt() + " ";
        };
    }

    // ---- includes --------------------------------------------------------------------------------------------

    /** Serves the built-in parts, the fragments and the root file; refuses anything else. */
    private record Fragments(SourceFile root) implements IncludeResolver {
        @Override
        public SourceFile resolve(String path, SourceFile from) {
            assertNotNull(path, "include of a null path");
            assertNotNull(from, "include from no file");
            if (path.equals(root.name())) {
                return root;
            }
            String text = FRAGMENTS.get(path);
            if (text == null) {
                throw new IncludeException("no fragment " + path);
            }
            return SourceFile.of(path, text);
        }
    }

    private static Map<String, String> fragments() {
        Map<String, String> f = new LinkedHashMap<>();
        for (String part : PARTS) {
            f.put("trondnf/" + part + ".exc", resource("trondnf/" + part + ".exc"));
        }
        f.put("fragments/params.exc", "parameter width = 0.5 ms\nparameter level = -40 %\nparameter delay = 20 ms\n");
        f.put("fragments/loop-a.exc", "parameter isi = 5 ms\ninclude \"fragments/loop-b.exc\"\n");
        f.put("fragments/loop-b.exc", "include \"fragments/loop-a.exc\"\n");
        for (int i = 0; i < DEEP_CHAIN; i++) {
            f.put("fragments/deep-" + i + ".exc", "include \"fragments/deep-" + (i + 1) + ".exc\"\n");
        }
        for (int i = 0; i < FAN_LEVELS; i++) {
            f.put("fragments/fan-" + i + ".exc", ("include \"fragments/fan-" + (i + 1) + ".exc\"\n").repeat(10));
        }
        f.put("fragments/fan-" + FAN_LEVELS + ".exc", "# the leaf\n");
        f.put("fragments/broken.exc", "section \"unclosed\" {\n  track {\n    channel \"c\" { test at 1 mA\n");
        f.put("fragments/meta.exc", "protocol \"inner\"\nversion \"2\"\nsection \"inner\" { prompt \"hi\" }\n");
        return f;
    }

    private static List<String> bases() {
        List<String> bases = new ArrayList<>();
        TOP_LEVEL.forEach(name -> bases.add(resource(name + ".exc")));
        PARTS.forEach(part -> bases.add("protocol \"" + part + "\"\n" + FRAGMENTS.get("trondnf/" + part + ".exc")));
        bases.add(BROKEN);
        bases.add("protocol \"includes\"\ninclude \"fragments/params.exc\"\ninclude \"fragments/loop-a.exc\"\n"
                + "include \"fragments/broken.exc\"\ninclude \"fragments/meta.exc\"\ninclude \"" + ROOT + "\"\n");
        return List.copyOf(bases);
    }

    private static String resource(String relative) {
        try (InputStream in = ProtocolFuzzTest.class.getResourceAsStream(LIBRARY + relative)) {
            assertNotNull(in, "no built-in " + relative);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
