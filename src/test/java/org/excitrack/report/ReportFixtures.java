package org.excitrack.report;

import java.nio.file.Files;
import java.nio.file.Path;
import org.excitrack.service.ReportService;
import org.excitrack.storage.mem.MemReader;

/** The real recordings beside the project (nerve-norms, MIT) and their report content. */
final class ReportFixtures {
    static final Path DATA = Path.of("..", "shared", "data", "nerve-norms");

    private ReportFixtures() {
    }

    static boolean available() {
        return Files.isRegularFile(DATA.resolve("FESB70821A.MEM"));
    }

    static ReportContent content(String file) {
        return ReportService.content(file, new MemReader().read(DATA.resolve(file)));
    }
}
