package org.excitrack.gui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.excitrack.gui.GuiOptions;
import org.excitrack.gui.common.Background;
import org.excitrack.gui.common.UiThread;
import org.excitrack.gui.common.Workstation;
import org.excitrack.model.PortInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectViewModelTest {
    private static final String UNIT = "sim:unit?subject=healthy&seed=1";
    private Workstation workstation;

    private ConnectViewModel model(Optional<String> port, Optional<String> stimulator) {
        workstation = new Workstation(new GuiOptions(port, stimulator, Path.of("target", "no-recordings"), true),
                new Background(UiThread.direct()));
        return new ConnectViewModel(workstation);
    }

    @AfterEach
    void close() {
        if (workstation != null) {
            workstation.close();
        }
    }

    @Test
    void startsWithTheAddressesTheWorkstationWasStartedWith() {
        ConnectViewModel m = model(Optional.of(UNIT), Optional.of("sim:magstim-bistim"));
        assertThat(m.unitPortProperty().get()).isEqualTo(UNIT);
        assertThat(m.useStimulatorProperty().get()).isTrue();
        assertThat(m.stimulatorPortProperty().get()).isEqualTo("sim:magstim-bistim");
    }

    @Test
    void listsTheSimulatorAmongThePorts() {
        ConnectViewModel m = model(Optional.empty(), Optional.empty());
        m.refreshPorts().join();
        assertThat(m.portsFound()).extracting(PortInfo::uri).contains("sim:unit")
                .noneMatch(uri -> uri.startsWith("sim:magstim") || uri.startsWith("sim:magpro"));
        m.choosePort(m.portsFound().stream().filter(p -> p.uri().equals("sim:unit")).findFirst().orElseThrow());
        assertThat(m.unitPortProperty().get()).isEqualTo("sim:unit");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sim:unit               | true  | false",
        "sim:unit?seed=2        | true  | false",
        "sim:magstim-bistim     | true  | true",
        "sim:magpro             | true  | true",
        "serial:/dev/ttyUSB0    | false | false"})
    void theSimulatorsStimulatorsAreNotOfferedAsUnits(String uri, boolean simulated, boolean stimulator) {
        assertThat(ConnectViewModel.simulatedStimulator(new PortInfo(uri, "", Optional.empty(), simulated)))
                .isEqualTo(stimulator);
    }

    @Test
    void aUnitThatAnswersBecomesTheWorkstationsUnit() {
        ConnectViewModel m = model(Optional.of(UNIT), Optional.of("sim:magstim-bistim"));
        m.connect().join();
        assertThat(m.problemProperty().get()).isNull();
        assertThat(m.busyProperty().get()).isFalse();
        assertThat(workstation.unitPortProperty().get()).isEqualTo(UNIT);
        assertThat(workstation.unitDescriptionProperty().get()).isEqualTo("Excitrack unit SIM-00001, firmware sim-1.0.0");
        assertThat(workstation.unitCapabilitiesProperty().get()).isNotNull();
        assertThat(workstation.stimulatorPort()).contains("sim:magstim-bistim");
        assertThat(ConnectionText.stimulator(m.connectionProperty().get().stimulator().orElseThrow()))
                .anySatisfy(line -> assertThat(line).startsWith("Disarmed").contains("coil 24.0 °C"));
    }

    @Test
    void withoutTheStimulatorTickedNoneIsUsed() {
        ConnectViewModel m = model(Optional.of(UNIT), Optional.of("sim:magstim-bistim"));
        m.useStimulatorProperty().set(false);
        m.connect().join();
        assertThat(workstation.stimulatorPort()).isEmpty();
    }

    @Test
    void aFailedConnectShowsWhyAndForgetsTheEarlierUnit() {
        ConnectViewModel m = model(Optional.of(UNIT), Optional.empty());
        m.connect().join();
        m.unitPortProperty().set("serial:/dev/ttyNOPE-excitrack");
        m.connect().join();
        assertThat(m.problemProperty().get().headline()).isEqualTo("Acquisition unit: port not found");
        assertThat(m.problemProperty().get().detail()).contains("/dev/ttyNOPE-excitrack");
        assertThat(workstation.unitPortProperty().get()).isNull();
        assertThat(workstation.unitDescriptionProperty().get()).isEqualTo("Not connected");
        assertThat(m.connectionProperty().get()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "sim:unit | false | -                  | -",
        "-        | false | -                  | Choose a port from the list or type its address.",
        "'  '     | false | -                  | Choose a port from the list or type its address.",
        "sim:unit | true  | ''                 | Type the stimulator's address, or untick the magnetic stimulator.",
        "sim:unit | true  | sim:magstim-bistim | -"})
    void connectNeedsAnAddressForEachDeviceUsed(String unit, boolean useStimulator, String stimulator,
                                                String refusal) {
        ConnectViewModel m = model(Optional.empty(), Optional.empty());
        m.unitPortProperty().set(unit);
        m.useStimulatorProperty().set(useStimulator);
        m.stimulatorPortProperty().set(stimulator);
        assertThat(m.connectRefusal()).isEqualTo(Optional.ofNullable(refusal));
        assertThat(m.canConnect().get()).isEqualTo(refusal == null);
    }

    @Test
    void theTestStimulusIsRefusedUntilAUnitIsConnected() {
        ConnectViewModel m = model(Optional.of(UNIT), Optional.empty());
        assertThat(m.canTest().get()).isFalse();
        m.testTrial().join();
        assertThat(m.problemProperty().get().headline()).isEqualTo("No unit connected");
        assertThat(m.test().resultProperty().get()).isNull();
    }

    @Test
    void theTestStimulusShowsTheResponseOfTheConnectedUnit() {
        ConnectViewModel m = model(Optional.of(UNIT), Optional.empty());
        m.connect().join();
        m.test().currentMilliampsProperty().set("2");
        m.testTrial().join();
        assertThat(m.problemProperty().get()).isNull();
        assertThat(m.test().resultProperty().get().amplitudeNanoamps()).isEqualTo(2_000_000);
        assertThat(m.test().summary().get()).startsWith("Peak-to-peak").contains("latency");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "1     | -",
        "0.5   | -",
        "2,5   | -",
        "10    | -",
        "10.5  | A test stimulus checks the electrodes: at most 10 mA.",
        "0     | The test current must be above 0 mA.",
        "-1    | The test current must be above 0 mA.",
        "NaN   | The test current must be above 0 mA.",
        "abc   | \"abc\" is not a number of mA.",
        "''    | Type the test current in mA."})
    void theTestCurrentIsCheckedAsTyped(String text, String message) {
        assertThat(TestStimulus.currentError(text)).isEqualTo(Optional.ofNullable(message));
    }
}
