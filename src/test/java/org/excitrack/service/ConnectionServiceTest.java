package org.excitrack.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.service.ConnectionException.Device;
import org.excitrack.service.ConnectionException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionServiceTest {
    private static final String UNIT = "sim:unit?subject=healthy&seed=1";
    private final ConnectionService service = new ConnectionService(true);

    @Test
    void readsTheUnitsIdentityCapabilitiesAndStatus() {
        ConnectionService.Connection c = service.connect(UNIT, Optional.empty());
        assertThat(c.unit().port()).isEqualTo(UNIT);
        assertThat(c.unit().description()).isEqualTo("Excitrack unit SIM-00001, firmware sim-1.0.0");
        assertThat(c.unit().capabilities().emgChannels()).isEqualTo(2);
        assertThat(c.stimulator()).isEmpty();
    }

    @Test
    void readsTheSimulatedStimulatorWiredToTheUnitOpenedFirst() {
        ConnectionService.Connection c = service.connect(UNIT, Optional.of("sim:magstim-bistim"));
        ConnectionService.StimulatorCheck s = c.stimulator().orElseThrow();
        assertThat(s.identity().model()).isEqualTo(StimulatorModel.MAGSTIM_BISTIM);
        assertThat(s.armed()).isFalse();
        assertThat(s.fault()).isEmpty();
        assertThat(s.coilTemperatureCelsius()).isPresent();
    }

    @Test
    void aBlankStimulatorMeansNone() {
        assertThat(service.connect(UNIT, Optional.of("  ")).stimulator()).isEmpty();
    }

    @Test
    void aStimulatorThatNeverAnswersIsNoReply() {
        ConnectionException e = catchThrowableOfType(() -> service.connect(UNIT,
                Optional.of("sim:magstim-200?fault=no-reply")), ConnectionException.class);
        assertThat(e.device()).isEqualTo(Device.STIMULATOR);
        assertThat(e.problem()).isEqualTo(Problem.NO_REPLY);
        assertThat(e.headline()).isEqualTo("Magnetic stimulator: no reply");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "serial:/dev/ttyNOPE-excitrack                | UNIT       | NOT_FOUND",
        "bogus:x                                      | UNIT       | BAD_ADDRESS",
        "sim:unit?protocol=3                          | UNIT       | WRONG_DEVICE",
        "sim:magstim-bistim                           | UNIT       | BAD_ADDRESS"})
    void unitFailuresAreSortedForTheTechnician(String port, Device device, Problem problem) {
        ConnectionException e = catchThrowableOfType(() -> new ConnectionService(false).connect(port,
                Optional.empty()), ConnectionException.class);
        assertThat(e.device()).isEqualTo(device);
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.getMessage()).isNotBlank();
    }

    @Test
    void theUnitAsAStimulatorIsABadAddress() {
        ConnectionException e = catchThrowableOfType(() -> service.connect(UNIT, Optional.of("sim:unit")),
                ConnectionException.class);
        assertThat(e.device()).isEqualTo(Device.STIMULATOR);
        assertThat(e.problem()).isEqualTo(Problem.BAD_ADDRESS);
        assertThat(e.getMessage()).contains("sim:unit is the acquisition unit");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "true  | sim:unit                   | sim:unit?clock=virtual",
        "true  | sim:unit?seed=2            | sim:unit?seed=2&clock=virtual",
        "true  | sim:unit?clock=real        | sim:unit?clock=real",
        "true  | serial:/dev/ttyUSB0        | serial:/dev/ttyUSB0",
        "false | sim:unit                   | sim:unit"})
    void virtualTimeAppliesToTheInProcessSimulatorOnly(boolean virtualTime, String port, String opened) {
        assertThat(new ConnectionService(virtualTime).portFor(port)).isEqualTo(opened);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "serial port /dev/ttyUSB0 does not exist; `excitrack ports` lists the ports found | NOT_FOUND",
        "serial port /dev/ttyUSB0 is in use by another program; close it and try again    | BUSY",
        "serial port COM3 is already open in this program; close the other connection first | BUSY",
        "no permission to open serial port /dev/ttyUSB0; add your user to the dialout group | NO_PERMISSION",
        "serial port /dev/ttyUSB0 is not responding; is the device unplugged or off?       | NO_REPLY",
        "/tmp/x is not a serial port; `excitrack ports` lists the ports found             | NOT_FOUND",
        "cannot open serial port /dev/ttyUSB0 (system error 99)                            | UNAVAILABLE"})
    void transportMessagesAreSortedByTheirWords(String message, Problem problem) {
        assertThat(ConnectionException.transportProblem(message)).isEqualTo(problem);
    }

    @Test
    void aTestTrialGivesOneLowStimulusAndMeasuresItsSweep() {
        ConnectionService.TestTrial t = service.testTrial(UNIT, ConnectionService.DEFAULT_TEST_NANOAMPS,
                ConnectionService.DEFAULT_TEST_WIDTH_MICROS);
        assertThat(t.amplitudeNanoamps()).isEqualTo(1_000_000);
        assertThat(t.widthMicros()).isEqualTo(200);
        assertThat(t.traceMicrovolts()).hasSizeGreaterThan(100);
        assertThat(t.sampleIntervalMicros()).isPositive();
        assertThat(t.response().peakToPeakMicrovolts()).isNotNegative();
        assertThat(t.response().baselineNoiseMicrovoltsRms()).isPositive();
    }

    @Test
    void aTestStimulusAboveTheCheckingCeilingIsRefusedBeforeAnythingOpens() {
        assertThatThrownBy(() -> service.testTrial("serial:/dev/never-opened", 20_000_000, 200))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0 mA");
    }
}
