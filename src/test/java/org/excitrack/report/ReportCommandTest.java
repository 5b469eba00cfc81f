package org.excitrack.report;

import org.excitrack.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `excitrack report FILE --out DIR`: writes three files, refuses to overwrite without --force. */
class ReportCommandTest {
    @TempDir
    Path dir;

    static CliRun report(String... args) {
        return CliRun.command("report", args);
    }

    @Test
    void writesPngSvgPdfIntoANewFolderAndRefusesToOverwrite() throws IOException {
        assumeTrue(ReportFixtures.available(), "the nerve-norms data set is beside the project");
        String input = ReportFixtures.DATA.resolve("FESB70821A.MEM").toString();
        Path out = dir.resolve("new").resolve("reports");
        CliRun first = report(input, "--out", out.toString());
        assertThat(first.code()).as(first.err()).isZero();
        for (String ext : new String[] {"png", "svg", "pdf"}) {
            assertThat(out.resolve("FESB70821A." + ext)).isNotEmptyFile();
            assertThat(first.out()).contains("FESB70821A." + ext);
        }
        Files.writeString(out.resolve("FESB70821A.svg"), "mine");
        CliRun second = report(input, "--out", out.toString());
        assertThat(second.code()).isEqualTo(1);
        assertThat(second.err()).contains("FESB70821A.png already exists; use --force to overwrite it")
                .doesNotContain("internal error");
        assertThat(Files.readString(out.resolve("FESB70821A.svg"))).as("nothing touched").isEqualTo("mine");
        CliRun forced = report(input, "--out", out.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.readString(out.resolve("FESB70821A.svg"))).startsWith("<?xml");
    }

    @Test
    void aMissingInputOrAFileAsOutputIsAUsageError() throws IOException {
        CliRun missing = report(dir.resolve("NOPE.MEM").toString(), "--out", dir.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        Path notMem = Files.writeString(dir.resolve("notes.txt"), "x");
        CliRun wrongType = report(notMem.toString(), "--out", dir.resolve("o").toString());
        assertThat(wrongType.code()).isEqualTo(2);
        assertThat(wrongType.err()).contains("is neither a QTRAC .MEM file nor an Excitrack recording");
        assumeTrue(ReportFixtures.available(), "the nerve-norms data set is beside the project");
        CliRun fileAsDir = report(ReportFixtures.DATA.resolve("FESB70821A.MEM").toString(), "--out", notMem.toString());
        assertThat(fileAsDir.code()).isEqualTo(2);
        assertThat(fileAsDir.err()).contains("is not a directory");
        assertThat(report("--out", dir.toString()).code()).as("FILE is required").isEqualTo(2);
    }
}
