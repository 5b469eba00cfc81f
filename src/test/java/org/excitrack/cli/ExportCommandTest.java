package org.excitrack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.storage.mem.MemReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `excitrack export` through picocli, with the error handling of the real command line. */
class ExportCommandTest {
    private static final Path DATA = Path.of("..", "shared", "data", "nerve-norms");

    @TempDir
    Path dir;

    Path input;

    static CliRun export(String... args) {
        return CliRun.command("export", args);
    }

    @BeforeEach
    void copyInput() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "the nerve-norms data set is beside the project");
        input = Files.copy(DATA.resolve("FESB70821A.MEM"), dir.resolve("FESB70821A.MEM"));
    }

    @Test
    void csvIsTidyAndBesideTheInputByDefault() throws IOException {
        CliRun run = export(input.toString(), "--to", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        Path csv = dir.resolve("FESB70821A.csv");
        assertThat(run.out()).contains("wrote " + csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("file,section,curve,x,x_unit,y,y_unit");
        assertThat(lines).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(7));
        assertThat(lines.stream().map(l -> l.split(",")[1]).distinct()).contains("stimulus_response",
                "charge_duration", "threshold_electrotonus", "recovery_cycle", "current_threshold");
        ExcitabilityRecording r = new MemReader().read(input);
        long rc = lines.stream().filter(l -> l.startsWith("FESB70821A.MEM,recovery_cycle,RC,")).count();
        assertThat(rc).isEqualTo(r.recoveryCycle().size());
        assertThat(lines).contains("FESB70821A.MEM,recovery_cycle,RC," + plain(r.recoveryCycle().get(0).intervalMillis())
                + ",ms," + plain(r.recoveryCycle().get(0).thresholdChangePercent()) + ",%");
        assertThat(dir.toFile().list()).as("no temporary files left").hasSize(2);
    }

    @Test
    void jsonHasHeaderSectionsAndVariables() throws IOException {
        Path out = dir.resolve("out.json");
        CliRun run = export(input.toString(), "--to", "JSON", "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertThat(root.get("file").asText()).isEqualTo("FESB70821A.MEM");
        assertThat(root.at("/header/Name").asText()).isEqualTo("CR21S");
        assertThat(root.get("sections")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(root.get("derivedVariables")).hasSizeGreaterThan(30);
        JsonNode rrp = Stream.of(root.get("derivedVariables")).flatMap(v -> java.util.stream.StreamSupport
                .stream(v.spliterator(), false)).filter(v -> v.get("number").asInt() == 10).findFirst().orElseThrow();
        assertThat(rrp.get("name").asText()).isEqualTo("RRP (ms)");
        assertThat(rrp.get("fileValue").asDouble()).isEqualTo(3.407);
    }

    @Test
    void memRoundTripsAndNeverOverwritesWithoutForce() throws IOException {
        Path out = dir.resolve("copy.MEM");
        assertThat(export(input.toString(), "--to", "mem", "--out", out.toString()).code()).isZero();
        MemReader reader = new MemReader();
        ExcitabilityRecording original = reader.read(input);
        assertThat(reader.read(out).recoveryCycle()).isEqualTo(original.recoveryCycle());
        assertThat(reader.read(out).electrotonus()).isEqualTo(original.electrotonus());

        Files.writeString(out, "keep me");
        CliRun refused = export(input.toString(), "--to", "mem", "--out", out.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("already exists", "--force");
        assertThat(Files.readString(out)).isEqualTo("keep me");

        CliRun forced = export(input.toString(), "--to", "mem", "--out", out.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(reader.read(out).recoveryCycle()).isEqualTo(original.recoveryCycle());
        assertThat(dir.toFile().list()).as("no temporary files left").containsExactlyInAnyOrder("FESB70821A.MEM",
                "copy.MEM");
    }

    @Test
    void usageErrorsExitWith2AndWriteNothing() throws IOException {
        CliRun same = export(input.toString(), "--to", "mem", "--out", input.toString(), "--force");
        assertThat(same.code()).isEqualTo(2);
        assertThat(same.err()).contains("is the input file");
        CliRun noDir = export(input.toString(), "--to", "csv", "--out", dir.resolve("no/such/dir.csv").toString());
        assertThat(noDir.code()).isEqualTo(2);
        assertThat(noDir.err()).contains("directory does not exist");
        CliRun missing = export(dir.resolve("nope.MEM").toString(), "--to", "csv");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        assertThat(export(input.toString(), "--to", "xml").code()).isEqualTo(2);
        assertThat(export(input.toString()).code()).as("--to is required").isEqualTo(2);
        assertThat(dir.toFile().list()).containsExactly("FESB70821A.MEM");
    }

    @Test
    void aTruncatedInputFailsWithItsLineAndLeavesNoOutput() throws IOException {
        List<String> original = Files.readAllLines(input, StandardCharsets.ISO_8859_1);
        Path cut = dir.resolve("CUT.MEM");
        Files.write(cut, original.subList(0, 40), StandardCharsets.ISO_8859_1);
        CliRun run = export(cut.toString(), "--to", "json");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("CUT.MEM", "line").doesNotContain("\tat ");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("FESB70821A.MEM", "CUT.MEM");
    }

    @Test
    void helpDocumentsTheCsvColumns() {
        CliRun run = export("--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("file", "section", "curve", "x_unit", "y_unit", "--force", "--out");
    }

    private static String plain(double v) {
        if (v == Math.rint(v)) {
            return String.valueOf((long) v);
        }
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
