package org.excitrack.sim.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.excitrack.sim.nerve.PhenomenologicalParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SubjectPresetTest {
    @TempDir
    Path dir;

    static Iterable<String> builtIns() {
        return SubjectPresetFile.BUILT_IN;
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void everyBuiltInPresetLoadsAndBuildsASubject(String name) {
        SubjectPreset preset = SubjectPreset.load(name);
        assertThat(preset.description()).isNotBlank();
        VirtualSubject subject = VirtualSubjects.create(preset, 1);
        assertThat(subject.describe()).contains(name, preset.layer().label());
        assertThat(subject.maxCmapMicrovolts()).isCloseTo(preset.population().maximalCmapMillivolts() * 1000,
                within(1e-6));
    }

    @Test
    void theBuiltInFilesInTheRepositoryAreTheOnesInTheJar() throws IOException {
        for (String name : SubjectPresetFile.BUILT_IN) {
            Path file = Path.of("hardware-sim/subjects", name + ".subject");
            assertThat(file).exists();
            try (var in = getClass().getResourceAsStream("/org/excitrack/sim/subjects/" + name + ".subject")) {
                assertThat(in).isNotNull();
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo(Files.readString(file));
            }
        }
    }

    @Test
    void aUserPresetExtendsABuiltInAndScalesWhatItInherits() throws IOException {
        Path file = dir.resolve("mine.subject");
        Files.writeString(file, "# my subject\nextends = als-early\ndescription = Mine\n"
                + "phenomenological.sdtc_ms = × 1.1   # a little longer still\npopulation.cmap_mV = 3\n");
        SubjectPreset mine = SubjectPreset.load(file.toString());
        SubjectPreset als = SubjectPreset.load("als-early");
        assertThat(mine.description()).isEqualTo("Mine");
        assertThat(mine.phenomenological().get(PhenomenologicalParameter.SDTC_MS))
                .isCloseTo(als.phenomenological().get(PhenomenologicalParameter.SDTC_MS) * 1.1, within(1e-12));
        assertThat(mine.population().maximalCmapMillivolts()).isEqualTo(3.0);
        assertThat(mine.population().unitCount()).isEqualTo(als.population().unitCount());
    }

    @Test
    void aPresetCanExtendAnotherFileBesideIt() throws IOException {
        Files.writeString(dir.resolve("base.subject"), "population.cmap_mV = 5\n");
        Files.writeString(dir.resolve("child.subject"), "extends = base.subject\npopulation.cmap_mV = × 2\n");
        assertThat(SubjectPreset.load(dir.resolve("child.subject").toString()).population().maximalCmapMillivolts())
                .isEqualTo(10.0);
    }

    @Test
    void badLinesAreReportedWithFileLineAndColumn() throws IOException {
        assertThatThrownBy(() -> load("description = x\n\npopulation.threshold_mA = four\n"))
                .isInstanceOf(PresetException.class)
                .hasMessageContaining("bad.subject:3:27:")
                .hasMessageContaining("expected a number in the unit the key's name ends with");
        assertThatThrownBy(() -> load("population.tresholds_mA = 4\n"))
                .hasMessageContaining(":1:27:").hasMessageContaining("unknown population setting 'tresholds_mA'")
                .hasMessageContaining("threshold_mA");
        assertThatThrownBy(() -> load("just words\n")).hasMessageContaining(":1:1:")
                .hasMessageContaining("expected 'key = value'");
        assertThatThrownBy(() -> load("layer = quantum\n")).hasMessageContaining(":1:9:")
                .hasMessageContaining("expected phenomenological or biophysical");
        assertThatThrownBy(() -> load("population.units = 12.5\n")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> load("population.cmap_mV = -1\n")).hasMessageContaining("must be a positive number");
        assertThatThrownBy(() -> load("sex = X\n")).hasMessageContaining("expected M or F");
        assertThatThrownBy(() -> load("description = a\nextends = healthy\n"))
                .hasMessageContaining(":2:1:").hasMessageContaining("'extends' must come before");
        assertThatThrownBy(() -> load("phenomenological.sdtc = 0.4\n"))
                .hasMessageContaining("unknown phenomenological parameter 'sdtc'").hasMessageContaining("sdtc_ms");
    }

    @Test
    void unknownPresetsNameTheBuiltInOnes() {
        assertThatThrownBy(() -> SubjectPreset.load("martian")).isInstanceOf(PresetException.class)
                .hasMessageContaining("unknown subject preset 'martian'").hasMessageContaining("als-early");
        assertThatThrownBy(() -> SubjectPreset.load(dir.resolve("missing.subject").toString()))
                .hasMessageContaining("cannot read subject preset");
    }

    @Test
    void aPresetThatExtendsItselfIsStopped() throws IOException {
        Files.writeString(dir.resolve("loop.subject"), "extends = loop.subject\n");
        assertThatThrownBy(() -> SubjectPreset.load(dir.resolve("loop.subject").toString()))
                .hasMessageContaining("is there a cycle?");
    }

    private SubjectPreset load(String text) throws IOException {
        Path file = dir.resolve("bad.subject");
        Files.writeString(file, text);
        return SubjectPreset.load(file.toString());
    }
}
