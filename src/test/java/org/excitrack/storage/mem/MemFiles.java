package org.excitrack.storage.mem;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real MEM files in {@code ../shared/data/nerve-norms} (relative to the project base dir); tests skip without. */
final class MemFiles {
    static final Path DIR = Path.of("..", "shared", "data", "nerve-norms");

    private MemFiles() {
    }

    static Path file(String name) {
        Path p = DIR.resolve(name);
        assumeTrue(Files.isRegularFile(p), "data file absent: " + p.toAbsolutePath());
        return p;
    }

    static List<Path> samples() {
        Path dir = DIR.resolve("samples");
        assumeTrue(Files.isDirectory(dir), "data folder absent: " + dir.toAbsolutePath());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".MEM")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every MEM file of the data set: the 20 samples, the two originals, rat.MEM and short_test.MEM. */
    static List<Path> all() {
        List<Path> all = new java.util.ArrayList<>(samples());
        for (String n : List.of("FESB70821A.MEM", "FESB70821B.MEM", "rat.MEM", "short_test.MEM")) {
            all.add(file(n));
        }
        return all;
    }

    static String text(Path p) {
        try {
            return new String(Files.readAllBytes(p), MemReader.CHARSET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
