package org.excitrack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `excitrack analyze` on real QTRAC recordings and on broken files. */
class AnalyzeCommandTest {
    private static final Path DATA = Path.of("..", "shared", "data", "nerve-norms");

    @TempDir
    Path dir;

    static CliRun excitrack(String... args) {
        return CliRun.excitrack(args);
    }

    @Test
    void csvHasOneRowPerFileAndVariableWithTheIssuesColumns() {
        assumeTrue(Files.isDirectory(DATA), "the nerve-norms data set is beside the project");
        CliRun run = excitrack("analyze", "--format", "csv", DATA.resolve("FESB70821A.MEM").toString(),
                DATA.resolve("FESB70821B.MEM").toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).as("the columns the issue fixes").isEqualTo("file,number,name,value");
        assertThat(lines).contains("FESB70821A.MEM,3,Strength-duration\\time constant (ms),0.286849",
                "FESB70821B.MEM,4,Rheobase (mA),6.695643");
        assertThat(lines.stream().filter(l -> l.startsWith("FESB70821A.MEM,")).count()).isGreaterThan(30);
    }

    @Test
    void jsonCarriesNumbersNamesAndQtracPsOwnValues() {
        assumeTrue(Files.isDirectory(DATA), "the nerve-norms data set is beside the project");
        CliRun run = excitrack("analyze", "--format", "json", DATA.resolve("FESB70821A.MEM").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"file\" : \"FESB70821A.MEM\"", "\"subject\" : \"CR21S\"", "\"number\" : 10",
                "\"name\" : \"RRP (ms)\"", "\"fileValue\" : 3.407", "\"z\" : ");
    }

    @Test
    void aTruncatedFileGivesItsLineAndChangesNothing() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "the nerve-norms data set is beside the project");
        List<String> original = Files.readAllLines(DATA.resolve("FESB70821A.MEM"), java.nio.charset.StandardCharsets.ISO_8859_1);
        Path cut = dir.resolve("CUT.MEM");
        Files.write(cut, original.subList(0, 40), java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] before = Files.readAllBytes(cut);
        CliRun run = excitrack("analyze", cut.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("CUT.MEM", "line", "STIMULUS-RESPONSE DATA").doesNotContain("\tat ");
        assertThat(Files.readAllBytes(cut)).isEqualTo(before);
    }

    @Test
    void somethingThatIsNotAMemFileIsAUsageError() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        CliRun run = excitrack("analyze", text.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("is neither a QTRAC .MEM file nor an Excitrack recording");
        CliRun missing = excitrack("analyze", dir.resolve("nope.MEM").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void recomputeTakesARecordingsThresholdsFromItsTrialsAndRefusesAMemFile() {
        Path recording = dir.resolve("sd.excitrack");
        CliRun run = excitrack("run", "TRONDNF-SD", "--port", "sim:unit?seed=4", "--virtual-time", "--out",
                recording.toString(), "--temperature", "33");
        assertThat(run.code()).as(run.err()).isZero();

        CliRun table = excitrack("analyze", "--recompute", recording.toString());
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).containsPattern("  \\d+ thresholds recomputed from the stored trials; "
                + "largest difference from the stored values ").contains("Strength-duration time constant (ms)");
        CliRun json = excitrack("analyze", "--recompute", "--format", "json", recording.toString());
        assertThat(json.out()).contains("\"recomputed\" : {", "\"largestRelativeDifference\" : ");
        assertThat(excitrack("analyze", recording.toString()).out()).doesNotContain("recomputed");

        assumeTrue(Files.isDirectory(DATA), "the nerve-norms data set is beside the project");
        CliRun mem = excitrack("analyze", "--recompute", DATA.resolve("FESB70821A.MEM").toString());
        assertThat(mem.code()).isEqualTo(2);
        assertThat(mem.err()).contains("FESB70821A.MEM is a QTRAC MEM file", "cannot be recomputed");
    }
}
