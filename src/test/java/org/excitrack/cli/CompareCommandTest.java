package org.excitrack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `excitrack compare` through picocli, with the error handling of the real command line. */
class CompareCommandTest {
    private static final Path DATA = Path.of("..", "shared", "data", "nerve-norms");

    @TempDir
    Path dir;

    static CliRun compare(String... args) {
        return CliRun.command("compare", args);
    }

    private static String a() {
        return DATA.resolve("FESB70821A.MEM").toString();
    }

    private static String b() {
        return DATA.resolve("FESB70821B.MEM").toString();
    }

    @Test
    void twoFilesGiveTheChangeTable() {
        assumeTrue(Files.isDirectory(DATA), "the nerve-norms data set is beside the project");
        CliRun run = compare(a(), b());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("A = FESB70821A.MEM, B = FESB70821B.MEM");
        assertThat(run.out().lines().filter(l -> l.contains("Rheobase (mA)")).findFirst()).hasValueSatisfying(
                l -> assertThat(l).contains("6.695643"));
    }

    @Test
    void changeCsvIsBMinusA() {
        assumeTrue(Files.isDirectory(DATA), "the nerve-norms data set is beside the project");
        CliRun run = compare("--format", "csv", a(), b());
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("number,name,a,b,b_minus_a");
        String rheobase = lines.stream().filter(l -> l.startsWith("4,")).findFirst().orElseThrow();
        String[] f = rheobase.split(",");
        assertThat(f[3]).isEqualTo("6.695643");
        assertThat(Double.parseDouble(f[4])).isCloseTo(Double.parseDouble(f[3]) - Double.parseDouble(f[2]),
                org.assertj.core.api.Assertions.within(2e-6));
    }

    @Test
    void groupsFromADirectoryAndAListGiveWelchIntervalsInJson() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "the nerve-norms data set is beside the project");
        List<Path> samples;
        try (Stream<Path> s = Files.list(DATA.resolve("samples"))) {
            samples = s.filter(p -> p.toString().endsWith(".MEM")).sorted().toList();
        }
        Path groupA = Files.createDirectory(dir.resolve("controls"));
        for (Path p : samples.subList(0, 10)) {
            Files.copy(p, groupA.resolve(p.getFileName()));
        }
        String listB = String.join(",", samples.subList(10, 20).stream().map(Path::toString).toList());
        CliRun run = compare("--group", "controls=" + groupA, "--group", "other=" + listB, "--format", "json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.at("/a/name").asText()).isEqualTo("controls");
        assertThat(root.at("/a/files")).hasSize(10);
        assertThat(root.at("/b/files")).hasSize(10);
        JsonNode sdtc = Stream.of(root.get("variables")).flatMap(v -> java.util.stream.StreamSupport
                .stream(v.spliterator(), false)).filter(v -> v.path("number").asInt() == 3).findFirst().orElseThrow();
        assertThat(sdtc.at("/a/n").asInt()).isEqualTo(10);
        assertThat(sdtc.get("ci95")).hasSize(2);
        assertThat(sdtc.get("ci95").get(0).asDouble()).isLessThan(sdtc.get("bMinusA").asDouble());
    }

    @Test
    void groupTableAndCsv() {
        assumeTrue(Files.isDirectory(DATA), "the nerve-norms data set is beside the project");
        String samples = DATA.resolve("samples").toString();
        CliRun table = compare("--group", "all=" + samples, "--group", "pair=" + a() + "," + b());
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("A = all (20 files), B = pair (2 files)", "95 % CI");
        CliRun csv = compare("--group", "all=" + samples, "--group", "pair=" + a() + "," + b(), "--format", "csv");
        assertThat(csv.out().lines().findFirst())
                .hasValue("number,name,n_a,mean_a,sd_a,n_b,mean_b,sd_b,b_minus_a,ci_low,ci_high,df");
        assertThat(csv.out().lines().filter(l -> l.startsWith("3,")).findFirst().orElseThrow().split(",", -1))
                .hasSize(12);
    }

    @Test
    void pairsGiveTheMeanPairedDifference() {
        assumeTrue(Files.isDirectory(DATA), "the nerve-norms data set is beside the project");
        CliRun run = compare("--pair", a() + "," + b(), "--pair", b() + "," + a(), "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst()).hasValue("number,name,n,mean_difference,sd_difference,ci_low,ci_high,df");
        // B-A and A-B cancel: mean 0, and the interval is symmetric about it with 1 df
        String[] rheobase = run.out().lines().filter(l -> l.startsWith("4,")).findFirst().orElseThrow().split(",");
        assertThat(rheobase[2]).isEqualTo("2");
        assertThat(rheobase[3]).isEqualTo("0");
        assertThat(Double.parseDouble(rheobase[5])).isEqualTo(-Double.parseDouble(rheobase[6]));
        assertThat(rheobase[7]).isEqualTo("1");
    }

    @Test
    void usageErrorsExitWith2() throws IOException {
        assertThat(compare().code()).isEqualTo(2);
        CliRun three = compare("x.MEM", "y.MEM", "z.MEM");
        assertThat(three.code()).isEqualTo(2);
        assertThat(three.err()).contains("exactly two files");
        CliRun mixed = compare("x.MEM", "y.MEM", "--pair", "a.MEM,b.MEM");
        assertThat(mixed.err()).contains("not a mix");
        assertThat(mixed.code()).isEqualTo(2);
        CliRun oneGroup = compare("--group", "A=x.MEM");
        assertThat(oneGroup.code()).isEqualTo(2);
        assertThat(oneGroup.err()).contains("exactly twice");
        CliRun badGroup = compare("--group", "nofiles", "--group", "B=y.MEM");
        assertThat(badGroup.code()).isEqualTo(2);
        assertThat(badGroup.err()).contains("NAME=FILE");
        CliRun badPair = compare("--pair", "only.MEM");
        assertThat(badPair.code()).isEqualTo(2);
        assertThat(badPair.err()).contains("EARLIER,LATER");
        CliRun missing = compare(dir.resolve("a.MEM").toString(), dir.resolve("b.MEM").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        CliRun notMem = compare(text.toString(), text.toString());
        assertThat(notMem.code()).isEqualTo(2);
        assertThat(notMem.err()).contains("is neither a QTRAC .MEM file nor an Excitrack recording");
        CliRun emptyDir = compare("--group", "A=" + dir, "--group", "B=" + dir);
        assertThat(emptyDir.code()).isEqualTo(2);
        assertThat(emptyDir.err()).contains("group A has no MEM files or recordings");
    }

    @Test
    void helpDocumentsTheThreeForms() {
        CliRun run = compare("--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--group", "NAME=FILES", "--pair", "EARLIER,LATER", "Welch");
    }
}
