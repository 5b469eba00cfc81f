package org.excitrack.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.excitrack.model.PortInfo;
import org.excitrack.transport.LinkProvider;
import org.excitrack.transport.Links;
import org.excitrack.transport.PortLister;
import org.excitrack.transport.PortUriException;
import org.excitrack.transport.TransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What users see when a {@code serial:} URI is wrong or names a port that cannot be opened. */
class SerialLinkProviderTest {

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aPortThatDoesNotExistIsNamedWithAHintToListPorts(@TempDir Path dir) {
        String path = dir.resolve("ttyUSB9").toString();
        assertThatThrownBy(() -> Links.open("serial:" + path + "?baud=115200"))
                .isInstanceOf(TransportException.class)
                .hasMessage("serial port " + path + " does not exist; `excitrack ports` lists the ports found");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFileThatIsNotATerminalIsNotASerialPort(@TempDir Path dir) throws IOException {
        Path notAPort = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> Links.open("serial:" + notAPort))
                .isInstanceOf(TransportException.class)
                .hasMessage(notAPort + " is not a serial port; `excitrack ports` lists the ports found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "0", "-9600", "9600.5", "99999999999", ""})
    void aBaudRateThatIsNotAPositiveWholeNumberIsAUsageError(String baud) {
        assertThatThrownBy(() -> Links.open("serial:/dev/ttyUSB0?baud=" + baud))
                .isInstanceOf(PortUriException.class)
                .hasMessage("baud '" + baud + "' in serial:/dev/ttyUSB0?baud=" + baud
                        + " is not a positive whole number of bits per second, e.g. baud=921600");
    }

    @Test
    void anUnknownParameterIsAUsageErrorListingTheOneAccepted() {
        assertThatThrownBy(() -> Links.open("serial:/dev/ttyUSB0?baud=9600&parity=even"))
                .isInstanceOf(PortUriException.class)
                .hasMessage("unknown parameter 'parity' in serial:/dev/ttyUSB0?baud=9600&parity=even; "
                        + "serial: accepts baud");
    }

    @Test
    void aUriWithoutAPortIsAUsageError() {
        assertThatThrownBy(() -> Links.open("serial:?baud=9600"))
                .isInstanceOf(PortUriException.class)
                .hasMessageStartingWith("'serial:?baud=9600' names no port");
    }

    @Test
    void serialIsRegisteredForTheServiceLoader() {
        assertThat(Links.schemes()).contains("serial:");
        assertThat(ServiceLoader.load(LinkProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(SerialLinkProvider.class);
        assertThat(ServiceLoader.load(PortLister.class).stream().map(ServiceLoader.Provider::type))
                .contains(SerialPortLister.class);
    }

    @Test
    void listedSerialPortsAreOpenableUrisWithLsusbStyleIds() {
        assertThat(new SerialPortLister().list()).allSatisfy(port -> {
            assertThat(port.uri()).startsWith("serial:").hasSizeGreaterThan("serial:".length());
            assertThat(port.description()).isNotBlank();
            assertThat(port.simulated()).isFalse();
            port.usbVendorProduct().ifPresent(ids -> assertThat(ids).matches("[0-9a-f]{4}:[0-9a-f]{4}"));
        });
        assertThat(Links.listPorts()).map(PortInfo::uri).containsAll(
                new SerialPortLister().list().stream().map(PortInfo::uri).toList());
    }

    @ParameterizedTest
    @EnabledOnOs(OS.LINUX)
    @CsvSource(delimiter = '|', value = {
        "2  | serial port /dev/ttyUSB0 does not exist; `excitrack ports` lists the ports found",
        "13 | no permission to open serial port /dev/ttyUSB0; add your user to the dialout group "
                + "(sudo usermod -aG dialout $USER) and log in again",
        "16 | serial port /dev/ttyUSB0 is in use by another program; close it and try again",
        "11 | serial port /dev/ttyUSB0 is in use by another program; close it and try again",
        "6  | serial port /dev/ttyUSB0 is not responding; is the device unplugged or off?",
        "71 | cannot open serial port /dev/ttyUSB0 (system error 71 at jSerialComm native line 123)",
    })
    void openFailuresOnLinuxSayWhatToDo(int errno, String message) {
        assertThat(JSerialCommLink.SerialErrorMessages.cannotOpen("/dev/ttyUSB0", errno, 123)).isEqualTo(message);
    }

    @ParameterizedTest
    @EnabledOnOs(OS.LINUX)
    @ValueSource(ints = {0, 5, 6, 19})
    void failuresDuringUseThatMeanTheDeviceWentAwaySaySo(int errno) {
        assertThat(JSerialCommLink.SerialErrorMessages.failedDuringUse("/dev/ttyUSB0", "reading", errno, 9))
                .startsWith("lost serial port /dev/ttyUSB0 while reading: the device was unplugged or switched off");
    }
}
