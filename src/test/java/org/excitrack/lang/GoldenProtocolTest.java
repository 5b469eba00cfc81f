package org.excitrack.lang;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.service.ProtocolSources;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden-file tests of the protocol language, in the style of JabRef's ImporterTestEngine: each protocol in
 * {@code src/test/resources/org/excitrack/lang/golden/} is compiled and its output compared, character for
 * character, with the file beside it. The expected files are the specification of what authors see:
 * <ul>
 *   <li>{@code valid/NAME.exc} must compile without any diagnostic; {@code valid/NAME.expected} is
 *       {@link PlanSummary#render} of its plan (what {@code excitrack check} prints);</li>
 *   <li>{@code invalid/NAME.exc} must give at least one diagnostic; {@code invalid/NAME.expected} is
 *       {@link CompileResult#renderDiagnostics()} (what {@code excitrack check} prints on standard error);</li>
 *   <li>{@code builtin/NAME.expected} is the dry run of the built-in protocol NAME, compiled from the library
 *       itself (not a copy), so a change to a built-in shows here;</li>
 *   <li>an optional {@code NAME.set} holds {@code --set} overrides, one {@code name=value} a line.</li>
 * </ul>
 * Only files directly in {@code valid/} and {@code invalid/} are protocols; files in their sub-folders are
 * there to be included. Includes go through the real file sandbox ({@link ProtocolSources#fileIncludes}),
 * with file names shown relative to the golden folder so that no expected file holds a machine path.
 *
 * <p>Everything compiles against {@link UnitCapabilities#referenceUnit()} and
 * {@link SafetyLimits#nerveDefaults()}, as {@code excitrack check} does with no unit connected.
 *
 * <p>To (re)write the expected files deliberately, run
 * {@code mvn test -Dtest=GoldenProtocolTest -Dgolden.update=true}, then read every changed file: it is the
 * specification. The test also holds the guide {@code src/site/markdown/protocol-language.md} to these files
 * (see {@link #theGuidesExamplesAreGoldenFiles()}); the update rewrites the guide's marked examples too.
 */
class GoldenProtocolTest {
    static final String FOLDER = "src/test/resources/org/excitrack/lang/golden";
    static final String GUIDE = "src/site/markdown/protocol-language.md";
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> validProtocolsGiveTheirDryRun() {
        return protocols("valid").map(exc -> DynamicTest.dynamicTest("valid/" + exc.getFileName(), exc.toUri(),
                () -> {
                    CompileResult result = compile("valid", exc);
                    if (!result.diagnostics().isEmpty()) {
                        fail("valid/" + exc.getFileName() + " should compile without diagnostics, but gave:\n"
                                + result.renderDiagnostics());
                    }
                    check(expectedFile(exc), PlanSummary.render(result.plan().orElseThrow()));
                }));
    }

    @TestFactory
    Stream<DynamicTest> invalidProtocolsGiveTheirDiagnostics() {
        return protocols("invalid").map(exc -> DynamicTest.dynamicTest("invalid/" + exc.getFileName(),
                exc.toUri(), () -> {
                    CompileResult result = compile("invalid", exc);
                    if (result.diagnostics().isEmpty()) {
                        fail("invalid/" + exc.getFileName() + " should give diagnostics, but compiled cleanly to:\n"
                                + PlanSummary.render(result.plan().orElseThrow()));
                    }
                    check(expectedFile(exc), result.renderDiagnostics());
                }));
    }

    @TestFactory
    Stream<DynamicTest> builtInProtocolsGiveTheirDryRun() {
        return ProtocolSources.BUILT_IN.stream().map(name -> DynamicTest.dynamicTest("builtin/" + name, () -> {
            CompileResult result = ProtocolCompiler.compile(ProtocolSources.builtIn(name), new CompileContext(
                    UnitCapabilities.referenceUnit(), SafetyLimits.nerveDefaults(), Map.of(),
                    ProtocolSources.builtInIncludes()));
            if (!result.diagnostics().isEmpty()) {
                fail("built-in " + name + " should compile without diagnostics, but gave:\n"
                        + result.renderDiagnostics());
            }
            check(golden().resolve("builtin").resolve(name + ".expected"), PlanSummary.render(result.plan().orElseThrow()));
        }));
    }

    /** Every expected file (and every .set file) belongs to a protocol, so none is silently skipped. */
    @Test
    void everyExpectedFileHasItsProtocol() throws IOException {
        List<String> orphans = new ArrayList<>();
        for (String kind : List.of("valid", "invalid")) {
            try (Stream<Path> files = Files.list(golden().resolve(kind))) {
                files.filter(f -> f.toString().endsWith(".expected") || f.toString().endsWith(".set"))
                        .filter(f -> !Files.exists(sibling(f, ".exc")))
                        .forEach(f -> orphans.add(kind + "/" + f.getFileName()));
            }
        }
        try (Stream<Path> files = Files.list(golden().resolve("builtin"))) {
            files.map(f -> f.getFileName().toString().replaceFirst("\\.expected$", ""))
                    .filter(n -> !ProtocolSources.BUILT_IN.contains(n)).forEach(n -> orphans.add("builtin/" + n));
        }
        assertTrue(orphans.isEmpty(), () -> "expected files without a protocol: " + orphans);
    }

    /**
     * The guide cannot rot: a block of protocol text in it (fenced {@code exc}) preceded by
     * {@code <!-- golden: valid/NAME.exc -->} must be that file, word for word, and likewise an output block
     * preceded by {@code <!-- golden: valid/NAME.expected -->}; an {@code exc} block without a marker is a
     * fragment, and each of its lines must occur in some golden protocol.
     */
    @Test
    void theGuidesExamplesAreGoldenFiles() throws IOException {
        Path guide = base().resolve(GUIDE);
        if (!Files.exists(guide)) {
            fail("the guide " + GUIDE + " is missing");
        }
        String text = read(guide);
        Set<String> knownLines = new TreeSet<>();
        for (String kind : List.of("valid", "invalid")) {
            try (Stream<Path> files = Files.walk(golden().resolve(kind))) {
                files.filter(f -> f.toString().endsWith(".exc")).forEach(f -> read(f).lines()
                        .map(String::strip).forEach(knownLines::add));
            }
        }
        Pattern block = Pattern.compile("(?:<!-- golden: (\\S+) -->\\n)?```(\\w*)\\n(.*?)```", Pattern.DOTALL);
        if (UPDATE) {
            String updated = block.matcher(text).replaceAll(r -> r.group(1) == null || !Files.exists(golden().resolve(r.group(1)))
                    ? Matcher.quoteReplacement(r.group())
                    : Matcher.quoteReplacement("<!-- golden: " + r.group(1) + " -->\n```" + r.group(2) + "\n"
                            + read(golden().resolve(r.group(1))) + "```"));
            if (!updated.equals(text)) {
                Files.writeString(guide, updated, StandardCharsets.UTF_8);
                System.out.println("golden: rewrote the examples in " + GUIDE + " (review the prose around them)");
                text = updated;
            }
        }
        Matcher m = block.matcher(text);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        while (m.find()) {
            String marker = m.group(1);
            String body = m.group(3);
            int line = (int) text.substring(0, m.start()).lines().count() + 1;
            if (marker != null) {
                Path file = golden().resolve(marker);
                if (!Files.exists(file)) {
                    problems.add("line " + line + ": no golden file " + marker);
                } else if (!read(file).equals(body)) {
                    problems.add("line " + line + ": the block differs from " + marker + " (- file, + guide):\n"
                            + diff(read(file), body));
                }
                checked++;
            } else if (m.group(2).equals("exc")) {
                for (String l : body.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.equals("…")).toList()) {
                    if (!knownLines.contains(l)) {
                        problems.add("line " + line + ": fragment line \"" + l + "\" is in no golden protocol");
                    }
                }
            }
        }
        assertTrue(checked > 0, "the guide has no golden examples");
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    // ---- compiling -------------------------------------------------------------------------------------------

    private static CompileResult compile(String kind, Path exc) {
        String name = kind + "/" + exc.getFileName();
        SourceFile source = SourceFile.of(name, read(exc));
        return ProtocolCompiler.compile(source, new CompileContext(UnitCapabilities.referenceUnit(),
                SafetyLimits.nerveDefaults(), overrides(sibling(exc, ".set")), includes(exc)));
    }

    /**
     * The real file sandbox, rooted at the protocol's folder (valid/ or invalid/), with names shown relative
     * to the golden folder: "valid/parts/x.exc" rather than a path on this machine.
     */
    private static IncludeResolver includes(Path topLevel) {
        Path root = golden().toAbsolutePath().normalize();
        IncludeResolver sandbox = ProtocolSources.fileIncludes(topLevel.toAbsolutePath().normalize());
        return (path, from) -> {
            SourceFile absolute = SourceFile.of(root.resolve(from.name()).toString(), from.text());
            try {
                SourceFile found = sandbox.resolve(path, absolute);
                return SourceFile.of(root.relativize(Path.of(found.name())).toString().replace('\\', '/'),
                        found.text().replace("\r\n", "\n"));
            } catch (IncludeResolver.IncludeException e) {
                throw new IncludeResolver.IncludeException(e.getMessage().replace(root + File.separator, "")
                        .replace('\\', '/'));
            }
        };
    }

    private static Map<String, String> overrides(Path setFile) {
        Map<String, String> out = new LinkedHashMap<>();
        if (Files.exists(setFile)) {
            for (String line : read(setFile).lines().toList()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int eq = line.indexOf('=');
                    out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
        }
        return out;
    }

    // ---- comparing and updating --------------------------------------------------------------------------------

    private static void check(Path expectedFile, String actual) throws IOException {
        String shown = golden().relativize(expectedFile).toString().replace('\\', '/');
        if (UPDATE) {
            if (!Files.exists(expectedFile) || !read(expectedFile).equals(actual)) {
                Files.createDirectories(expectedFile.getParent());
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
                System.out.println("golden: wrote " + shown + " (review it: it is the specification)");
            }
            return;
        }
        if (!Files.exists(expectedFile)) {
            fail("no expected file " + shown + "; the output is:\n" + actual
                    + "\nwrite it with -Dgolden.update=true, then review it");
        }
        String expected = read(expectedFile);
        if (!expected.equals(actual)) {
            fail(shown + " differs from the output (- expected, + actual):\n" + diff(expected, actual)
                    + "if the new output is right, rewrite the file with -Dgolden.update=true and review the change");
        }
    }

    /** A line diff (longest common subsequence), with two lines of context around each change. */
    static String diff(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add("  " + a.get(i++));
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] > lcs[i + 1][j])) {
                ops.add("+ " + b.get(j++));
            } else {
                ops.add("- " + a.get(i++));
            }
        }
        StringBuilder out = new StringBuilder();
        boolean skipped = false;
        for (int k = 0; k < ops.size(); k++) {
            boolean near = false;
            for (int d = -2; d <= 2 && !near; d++) {
                near = k + d >= 0 && k + d < ops.size() && !ops.get(k + d).startsWith("  ");
            }
            if (near) {
                out.append(ops.get(k)).append('\n');
                skipped = false;
            } else if (!skipped) {
                out.append("  …\n");
                skipped = true;
            }
        }
        if (!expected.endsWith("\n") || !actual.endsWith("\n")) {
            out.append(expected.endsWith("\n") == actual.endsWith("\n") ? ""
                    : "(one of them does not end with a line break)\n");
        }
        return out.toString();
    }

    // ---- files -----------------------------------------------------------------------------------------------

    private static Stream<Path> protocols(String kind) {
        try (Stream<Path> files = Files.list(golden().resolve(kind))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".exc")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path expectedFile(Path exc) {
        return sibling(exc, ".expected");
    }

    private static Path sibling(Path file, String extension) {
        return file.resolveSibling(file.getFileName().toString().replaceFirst("\\.[a-z]+$", extension));
    }

    /** Read as text with line ends normalised, so a checkout with CRLF line ends gives the same output. */
    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Path golden() {
        return base().resolve(FOLDER);
    }

    /** Maven's basedir, else the first folder at or above the working directory that holds the golden folder. */
    private static Path base() {
        String basedir = System.getProperty("basedir");
        Path start = Paths.get(basedir != null ? basedir : System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(FOLDER))) {
                return p;
            }
        }
        throw new IllegalStateException("no " + FOLDER + " at or above " + start);
    }
}
