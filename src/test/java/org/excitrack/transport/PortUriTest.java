package org.excitrack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortUriTest {

    @Test
    void serialPathWithBaud() {
        PortUri uri = PortUri.parse("serial:/dev/ttyUSB0?baud=921600");
        assertThat(uri.scheme()).isEqualTo("serial");
        assertThat(uri.path()).isEqualTo("/dev/ttyUSB0");
        assertThat(uri.parameters()).containsExactly(Map.entry("baud", "921600"));
        assertThat(uri.parameter("baud")).contains("921600");
        assertThat(uri.parameter("parity")).isEmpty();
        assertThat(uri.inner()).isEmpty();
        assertThat(uri).hasToString("serial:/dev/ttyUSB0?baud=921600");
    }

    @Test
    void windowsComPortWithoutParameters() {
        PortUri uri = PortUri.parse("serial:COM3");
        assertThat(uri.scheme()).isEqualTo("serial");
        assertThat(uri.path()).isEqualTo("COM3");
        assertThat(uri.parameters()).isEmpty();
        assertThat(uri).hasToString("serial:COM3");
    }

    @Test
    void simulatorParametersKeepTheirOrderAndUnits() {
        PortUri uri = PortUri.parse("sim:unit?seed=7&threshold=4.2mA");
        assertThat(uri.scheme()).isEqualTo("sim");
        assertThat(uri.path()).isEqualTo("unit");
        assertThat(uri.parameters()).containsExactly(Map.entry("seed", "7"), Map.entry("threshold", "4.2mA"));
        assertThat(uri).hasToString("sim:unit?seed=7&threshold=4.2mA");
    }

    @Test
    void spyWrapsTheWholeInnerUri() {
        PortUri uri = PortUri.parse("spy:serial:/dev/ttyUSB0");
        assertThat(uri.scheme()).isEqualTo("spy");
        assertThat(uri.path()).isEqualTo("serial:/dev/ttyUSB0");
        assertThat(uri.parameters()).isEmpty();
        assertThat(uri.inner()).contains(PortUri.parse("serial:/dev/ttyUSB0"));
        assertThat(PortUri.parse("spy:serial:/dev/ttyUSB0?baud=115200").inner().orElseThrow().parameter("baud"))
                .contains("115200");
        assertThat(uri).hasToString("spy:serial:/dev/ttyUSB0");
    }

    @Test
    void schemeIsCaseInsensitiveAndSurroundingSpaceIsIgnored() {
        assertThat(PortUri.parse("  SERIAL:/dev/ttyACM0 ")).isEqualTo(PortUri.parse("serial:/dev/ttyACM0"));
    }

    @Test
    void escapedParameterValuesAreDecodedAndSurviveARoundTrip() {
        PortUri uri = PortUri.parse("sim:unit?subject=als%20case%261&note=50%25");
        assertThat(uri.parameters()).containsExactly(Map.entry("subject", "als case&1"), Map.entry("note", "50%"));
        assertThat(PortUri.parse(uri.toString())).isEqualTo(uri);
    }

    @Test
    void parametersAreReadOnly() {
        PortUri uri = PortUri.parse("serial:COM3?baud=9600");
        assertThatThrownBy(() -> uri.parameters().put("baud", "1")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void requireOnlyParametersNamesTheUnknownOneAndWhatIsAccepted() {
        PortUri uri = PortUri.parse("sim:unit?seed=7&colour=red");
        uri.requireOnlyParameters(Set.of("seed", "colour"));
        assertThatThrownBy(() -> uri.requireOnlyParameters(Set.of("seed")))
                .isInstanceOf(PortUriException.class)
                .hasMessage("unknown parameter 'colour' in sim:unit?seed=7&colour=red; sim: accepts seed");
        assertThatThrownBy(() -> PortUri.parse("serial:COM3?baud=1").requireOnlyParameters(Set.of()))
                .hasMessageEndingWith("serial: accepts no parameters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyIsAnError(String text) {
        assertThatThrownBy(() -> PortUri.parse(text))
                .isInstanceOf(PortUriException.class)
                .hasMessage("empty port: expected a URI such as serial:/dev/ttyUSB0 or sim:unit");
        assertThatThrownBy(() -> PortUri.parse(null)).isInstanceOf(PortUriException.class);
    }

    @Test
    void aBarePortNameSuggestsTheSerialScheme() {
        assertThatThrownBy(() -> PortUri.parse("COM3"))
                .isInstanceOf(PortUriException.class)
                .hasMessage("'COM3' is not a port URI: expected scheme:path, e.g. serial:/dev/ttyUSB0, serial:COM3, "
                        + "sim:unit or spy:serial:/dev/ttyUSB0 (did you mean serial:COM3?)");
        assertThatThrownBy(() -> PortUri.parse("/dev/ttyUSB0"))
                .hasMessageEndingWith("(did you mean serial:/dev/ttyUSB0?)");
    }

    @ParameterizedTest
    @ValueSource(strings = {":/dev/ttyUSB0", "serial:", "spy:", "spy:COM3"})
    void aMissingSchemeOrPathIsAnError(String text) {
        assertThatThrownBy(() -> PortUri.parse(text))
                .isInstanceOf(PortUriException.class)
                .hasMessageContaining("is not a port URI");
    }

    @Test
    void aWindowsDrivePathIsNotMistakenForAScheme() {
        assertThatThrownBy(() -> PortUri.parse("C:\\ports\\unit"))
                .isInstanceOf(PortUriException.class)
                .hasMessage("'C:\\ports\\unit' has no valid scheme (did you mean serial:C:\\ports\\unit?)");
    }

    @Test
    void aDuplicateParameterIsAnError() {
        assertThatThrownBy(() -> PortUri.parse("serial:COM3?baud=9600&baud=115200"))
                .isInstanceOf(PortUriException.class)
                .hasMessage("parameter 'baud' appears twice in 'serial:COM3?baud=9600&baud=115200'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serial:COM3?baud", "serial:COM3?=9600", "serial:COM3?baud=9600&&x=1"})
    void aParameterThatIsNotNameEqualsValueIsAnError(String text) {
        assertThatThrownBy(() -> PortUri.parse(text))
                .isInstanceOf(PortUriException.class)
                .hasMessageContaining("is not name=value")
                .hasMessageContaining(text);
    }

    @Test
    void aMalformedEscapeIsAUsageErrorNotACrash() {
        assertThatThrownBy(() -> PortUri.parse("sim:unit?subject=50%zz"))
                .isInstanceOf(PortUriException.class)
                .hasMessageStartingWith("'50%zz' in 'sim:unit?subject=50%zz' has a malformed %-escape");
    }
}
