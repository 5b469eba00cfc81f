package org.excitrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `excitrack check` and `excitrack protocols` as a protocol author uses them. */
class CheckCommandTest {
    @TempDir
    Path dir;

    static CliRun excitrack(String... args) {
        return CliRun.excitrack(args);
    }

    @Test
    void aValidBuiltInPrintsItsPlanAndExitsZero() {
        CliRun run = excitrack("check", "trondnf");
        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Protocol \"TRONDNF\"", "Section \"Threshold electrotonus\": 106 tracked points",
                "isi = 2, 2.5, 3.2, 4, 5, 6.3, 7.9, 10, 13, 18, 24, 32, 42, 56, 75, 100, 140, 200 ms", "Total: 6 sections");
    }

    @Test
    void anOverrideChangesThePlan() {
        CliRun run = excitrack("check", "TRONDNF-SD", "--set", "target=30%", "--set", "interval=2s");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("target = 30 % (set for this run)", "interval 2 s", "target 30 % of maximal response");
    }

    @Test
    void anInvalidProtocolExitsTwoWithEveryDiagnosticBeforeAnyDeviceIsTouched() throws IOException {
        Path file = dir.resolve("unsafe.exc");
        Files.writeString(file, String.join("\n",
                "protocol \"Unsafe\"",
                "section \"SR\" {", "  stimulus response width 1 ms", "}",
                "section \"IV\" {",
                "  track serial {",
                "    channel \"control\" { test width 1 mA }",
                "    channel \"polarized\" {",
                "      polarizing -150 % of threshold \"controll\" from 0 ms for 200 ms",
                "      test at 199 ms",
                "    }",
                "  }",
                "}", ""));
        CliRun run = excitrack("check", file.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("unsafe.exc:7:36: error: test pulse width must be a duration, but '1 mA' is a current")
                .contains("unsafe.exc:9:18: error: no tracked channel \"controll\" in this track block")
                .contains("hint: did you mean 'control'?")
                .contains("2 errors");
    }

    @Test
    void aPolarizingCurrentBeyondTheLimitIsRejectedWithTheWorstCase() throws IOException {
        Path file = dir.resolve("strong.exc");
        Files.writeString(file, String.join("\n",
                "protocol \"Strong\"",
                "section \"SR\" {", "  stimulus response width 1 ms", "}",
                "section \"IV\" {",
                "  track serial {",
                "    channel \"control\" { test }",
                "    channel \"polarized\" {",
                "      polarizing -150 % of threshold from 0 ms for 200 ms",
                "      test at 199 ms",
                "    }",
                "  }",
                "}", ""));
        CliRun run = excitrack("check", file.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("strong.exc:9:7: error: in the worst case polarizing current 15.000 mA exceeds "
                + "the limit of 10.000 mA (-150 % of a threshold that may reach the maximum threshold, 10.000 mA)");
    }

    @Test
    void aConnectedUnitsCapabilitiesCanBeUsed() {
        CliRun run = excitrack("check", "TRONDNF-RC", "--port", "sim:unit");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Section \"Recovery cycle\"");
    }

    @Test
    void protocolsListsTheBuiltInsWithTheirLength() {
        CliRun run = excitrack("protocols");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("TRONDNF ", "TRONDNF-SR", "TRONDNF-SD", "TRONDNF-TE", "TRONDNF-IV", "TRONDNF-RC",
                "min");
    }

    @Test
    void aMissingFileIsAUsageError() {
        CliRun run = excitrack("check", dir.resolve("missing.exc").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no protocol file").doesNotContain("\tat ");
    }
}
