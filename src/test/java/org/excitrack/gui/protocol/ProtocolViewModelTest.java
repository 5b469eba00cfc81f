package org.excitrack.gui.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.excitrack.gui.GuiOptions;
import org.excitrack.gui.common.Background;
import org.excitrack.gui.common.UiThread;
import org.excitrack.gui.common.Workstation;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.service.ProtocolService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolViewModelTest {
    @TempDir
    Path folder;
    private Workstation workstation;
    private ProtocolViewModel model;

    @BeforeEach
    void open() {
        workstation = new Workstation(new GuiOptions(Optional.empty(), Optional.empty(), folder, true),
                new Background(UiThread.direct()));
        workstation.unitPortProperty().set("sim:unit");
        workstation.unitCapabilitiesProperty().set(UnitCapabilities.referenceUnit());
        model = new ProtocolViewModel(workstation);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void listsTheBuiltInsWithTheirEstimates() {
        model.loadBuiltIns().join();
        assertThat(model.builtIns()).extracting(ProtocolService.BuiltIn::name).contains("TRONDNF", "RMT", "T-SICI");
        assertThat(model.builtIns()).allSatisfy(b -> assertThat(b.estimatedStimuli()).isPositive());
    }

    @Test
    void aValidNerveProtocolCanBeUsedWithItsParameters() {
        model.overridesProperty().set("target=30%");
        model.chooseBuiltIn("TRONDNF-SR").join();
        assertThat(model.previewProperty().get().valid()).isTrue();
        assertThat(PreviewText.verdict(model.previewProperty().get())).startsWith("Valid  ·  ").contains("stimuli");
        assertThat(model.stimulatorNote().get()).isEmpty();
        assertThat(model.useProtocol()).isTrue();
        assertThat(workstation.protocolProperty().get()).isEqualTo("TRONDNF-SR");
        assertThat(workstation.protocolOverridesProperty().get()).isEqualTo(Map.of("target", "30%"));
        assertThat(model.usedMessage().get()).isEqualTo("✓ TRONDNF-SR is this session's protocol, with target=30%.");
    }

    @Test
    void aTmsProtocolWithoutAStimulatorIsRefusedWithTheReason() {
        model.chooseBuiltIn("RMT").join();
        assertThat(model.previewProperty().get().valid()).isTrue();
        assertThat(model.stimulatorNote().get()).hasValueSatisfying(n -> {
            assertThat(n.refuses()).isTrue();
            assertThat(n.text()).isEqualTo("RMT gives magnetic stimuli (TMS): connect a magnetic stimulator on the "
                    + "Connect step first.");
        });
        assertThat(model.canUse().get()).isFalse();
        assertThat(model.useProtocol()).isFalse();
        assertThat(workstation.protocolProperty().get()).isNull();

        workstation.stimulatorPortProperty().set("sim:magstim-bistim");
        assertThat(model.canUse().get()).isTrue();
        assertThat(model.useProtocol()).isTrue();
    }

    @Test
    void aNerveProtocolSaysTheStimulatorStaysUnused() {
        workstation.stimulatorPortProperty().set("sim:magstim-bistim");
        model.chooseBuiltIn("TRONDNF").join();
        assertThat(model.stimulatorNote().get()).hasValueSatisfying(n -> {
            assertThat(n.refuses()).isFalse();
            assertThat(n.text()).contains("stays unused");
        });
        assertThat(model.canUse().get()).isTrue();
    }

    @Test
    void anInvalidFileShowsTheDiagnosticsAndCannotBeUsed() throws Exception {
        Path file = folder.resolve("mine.exc");
        Files.writeString(file, "protocol \"x\"\n  foo 3 mA\n");
        model.openFile(file).join();
        assertThat(model.previewProperty().get().valid()).isFalse();
        assertThat(model.previewProperty().get().diagnostics()).contains(":2:3: error: unknown protocol item 'foo'")
                .contains("^^^");
        assertThat(model.previewProperty().get().sourceText()).contains("foo 3 mA");
        assertThat(model.canUse().get()).isFalse();
    }

    @Test
    void aFileThatCannotBeReadIsSaidAsSuch() {
        model.openFile(folder.resolve("missing.exc")).join();
        assertThat(model.previewProperty().get()).isNull();
        assertThat(model.problemProperty().get()).contains("no protocol file");
        assertThat(model.canUse().get()).isFalse();
    }

    @Test
    void badParametersStopTheCheckBeforeItRuns() {
        model.overridesProperty().set("target");
        model.chooseBuiltIn("TRONDNF").join();
        assertThat(model.previewProperty().get()).isNull();
        assertThat(model.problemProperty().get()).isEqualTo("Parameters: \"target\" is not name=value, e.g. target=30%");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                          | ''",
        "target=30%                  | ''",
        "' target = 30% , width=1ms' | ''",
        "'a=1; b=2'                  | ''",
        "target                      | \"target\" is not name=value, e.g. target=30%",
        "'target='                   | target has no value",
        "'2x=1'                      | \"2x\" is not a parameter name",
        "'a=1, a=2'                  | a is given twice"})
    void parametersAreNameValuePairs(String text, String error) {
        assertThat(Overrides.error(text)).isEqualTo(error);
    }

    @Test
    void parametersKeepTheirOrder() {
        assertThat(Overrides.parse("b=2, a=1").keySet()).containsExactly("b", "a");
        assertThatThrownBy(() -> Overrides.parse("=1")).hasMessageContaining("not a parameter name");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "true  | -                  | true  | RMT gives magnetic stimuli (TMS): connect a magnetic stimulator on the Connect step first.",
        "true  | sim:magstim-bistim | false | TMS protocol: magnetic stimuli from sim:magstim-bistim.",
        "false | sim:magstim-bistim | false | A nerve protocol: the magnetic stimulator sim:magstim-bistim stays unused.",
        "false | -                  | -     | -"})
    void theStimulatorIsNeededForTmsAndUnusedOtherwise(boolean magnetic, String stimulator, Boolean refuses,
                                                        String text) {
        Optional<StimulatorNote> note = StimulatorNote.of("RMT", magnetic, Optional.ofNullable(stimulator));
        assertThat(note).isEqualTo(refuses == null ? Optional.empty() : Optional.of(new StimulatorNote(refuses, text)));
    }
}
