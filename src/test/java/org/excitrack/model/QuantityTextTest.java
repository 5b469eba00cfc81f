package org.excitrack.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTextTest {

    @ParameterizedTest(name = "\"{0}\" = {1} µs")
    @CsvSource(delimiter = '|', textBlock = """
            1ms      | 1000
            200 us   | 200
            200µs    | 200
            200 µs   | 200
            .5ms     | 500
            0.5 ms   | 500
            1s       | 1000000
            1.5 S    | 1500000
            2MS      | 2000
            '  30ms '| 30000
            1e3us    | 1000
            +7us     | 7
            0ms      | 0
            5.ms     | 5000
            0.0004ms | 0
            0.0006ms | 1
            """)
    void parsesDurations(String text, long micros) {
        assertThat(QuantityText.micros(text)).isEqualTo(micros);
    }

    @ParameterizedTest(name = "\"{0}\" = {1} nA")
    @CsvSource(delimiter = '|', textBlock = """
            4.2mA    | 4200000
            4.2 mA   | 4200000
            500uA    | 500000
            500 µA   | 500000
            250nA    | 250
            50mA     | 50000000
            0.001mA  | 1000
            .5mA     | 500000
            1e-3 mA  | 1000
            """)
    void parsesCurrents(String text, long nanoamps) {
        assertThat(QuantityText.nanoamps(text)).isEqualTo(nanoamps);
    }

    @ParameterizedTest(name = "\"{0}\" = {1} %")
    @CsvSource(delimiter = '|', textBlock = """
            40%    | 40.0
            40 %   | 40.0
            12.5%  | 12.5
            .5%    | 0.5
            0%     | 0.0
            """)
    void parsesPercentages(String text, double percent) {
        assertThat(QuantityText.percent(text)).isCloseTo(percent, within(1e-12));
    }

    @Test
    void aMissingUnitIsNamed() {
        assertThatThrownBy(() -> QuantityText.micros("200"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'200' is not a duration: the unit is missing; e.g. 1ms, 200us or 1s");
        assertThatThrownBy(() -> QuantityText.nanoamps("4.2"))
                .hasMessage("'4.2' is not a current: the unit is missing; e.g. 4.2mA or 500uA");
        assertThatThrownBy(() -> QuantityText.percent("40"))
                .hasMessage("'40' is not a percentage: the unit is missing; e.g. 40%");
    }

    @Test
    void anUnknownUnitIsQuotedAsWritten() {
        assertThatThrownBy(() -> QuantityText.micros("3 min"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'3 min' is not a duration: unknown unit 'min'; e.g. 1ms, 200us or 1s");
        assertThatThrownBy(() -> QuantityText.nanoamps("4.2 A"))
                .hasMessage("'4.2 A' is not a current: unknown unit 'A'; e.g. 4.2mA or 500uA");
    }

    @Test
    void unitsOfTheWrongKindAreUnknown() {
        assertThatThrownBy(() -> QuantityText.micros("4mA")).hasMessageContaining("unknown unit 'mA'");
        assertThatThrownBy(() -> QuantityText.nanoamps("4ms")).hasMessageContaining("unknown unit 'ms'");
        assertThatThrownBy(() -> QuantityText.percent("4ms")).hasMessageContaining("unknown unit 'ms'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1ms", "-0.5 ms", "-200us"})
    void negativeDurationsAreRefused(String text) {
        assertThatThrownBy(() -> QuantityText.micros(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is negative; a duration must be zero or more");
    }

    @Test
    void negativeCurrentsAndPercentagesAreRefused() {
        assertThatThrownBy(() -> QuantityText.nanoamps("-4.2mA"))
                .hasMessage("'-4.2mA' is negative; a current must be zero or more");
        assertThatThrownBy(() -> QuantityText.percent("-40%"))
                .hasMessage("'-40%' is negative; a percentage must be zero or more");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "   ", "ms", "1 m s", "1,5ms", "1..5ms", "NaN ms", "Infinity ms", "0x10ms"})
    void garbageIsRefusedNamingTheInput(String text) {
        assertThatThrownBy(() -> QuantityText.micros(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + text + "' is not a duration");
    }

    @Test
    void nullIsRefusedLikeGarbage() {
        assertThatThrownBy(() -> QuantityText.nanoamps(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'null' is not a current; write it with its unit, e.g. 4.2mA or 500uA");
    }

    @Test
    void valuesTooLargeForAWholeNumberAreRefusedRatherThanSaturated() {
        assertThatThrownBy(() -> QuantityText.micros("1e13s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'1e13s' is too large: at most 9223372036854775807 µs");
        assertThatThrownBy(() -> QuantityText.nanoamps("1e20mA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'1e20mA' is too large: at most 9223372036854775807 nA");
        assertThat(QuantityText.micros("9e12s")).as("still fits").isEqualTo(9_000_000_000_000_000_000L);
    }
}
