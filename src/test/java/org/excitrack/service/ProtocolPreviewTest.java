package org.excitrack.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.excitrack.model.UnitCapabilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolPreviewTest {
    private final ProtocolPreview preview = new ProtocolPreview(UnitCapabilities.referenceUnit());
    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({"TRONDNF, false", "TRONDNF-SR, false", "RMT, true", "T-SICI, true", "T-SAI, true"})
    void aValidPlanSaysWhatItTakesAndWhetherItIsTms(String name, boolean magnetic) {
        ProtocolPreview.Preview p = preview.check(name, Map.of());
        assertThat(p.valid()).isTrue();
        assertThat(p.magnetic()).isEqualTo(magnetic);
        assertThat(p.sourceText()).contains("protocol");
        assertThat(p.summary()).contains("Total:");
        ProtocolPreview.Estimate e = p.estimate().orElseThrow();
        assertThat(e.sections()).isPositive();
        assertThat(e.stimuli()).isPositive();
        assertThat(e.minutes()).isPositive();
    }

    @Test
    void theEstimateAgreesWithTheBuiltInList() {
        ProtocolService.BuiltIn listed = preview.builtIns().stream().filter(b -> b.name().equals("TRONDNF"))
                .findFirst().orElseThrow();
        assertThat(preview.check("trondnf", Map.of()).estimate().orElseThrow().stimuli())
                .isEqualTo(listed.estimatedStimuli());
    }

    @Test
    void anInvalidFileGivesTheCheckersDiagnosticsVerbatim() throws Exception {
        Path file = folder.resolve("bad.exc");
        Files.writeString(file, "protocol \"x\"\n  foo 3 mA\n");
        ProtocolPreview.Preview p = preview.check(file.toString(), Map.of());
        assertThat(p.valid()).isFalse();
        assertThat(p.magnetic()).isFalse();
        assertThat(p.estimate()).isEmpty();
        assertThat(p.summary()).isEmpty();
        assertThat(p.diagnostics()).isEqualTo(file + ":2:3: error: unknown protocol item 'foo'\n"
                + "      foo 3 mA\n      ^^^\n1 error\n");
        assertThat(p.sourceText()).isEqualTo("protocol \"x\"\n  foo 3 mA\n");
    }

    @Test
    void aMissingFileIsAnInvalidRequest() {
        assertThatThrownBy(() -> preview.check(folder.resolve("none.exc").toString(), Map.of()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("no protocol file");
    }
}
