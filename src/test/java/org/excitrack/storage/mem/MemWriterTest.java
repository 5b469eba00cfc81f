package org.excitrack.storage.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.excitrack.model.excitability.ChargeDurationPoint;
import org.excitrack.model.excitability.CurrentThresholdPoint;
import org.excitrack.model.excitability.DerivedVariable;
import org.excitrack.model.excitability.ElectrotonusCurve;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.RecordingHeader;
import org.excitrack.model.excitability.RecoveryPoint;
import org.excitrack.model.excitability.StimulusResponseCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MemWriterTest {
    private final MemReader reader = new MemReader();
    private final MemWriter writer = new MemWriter();

    static List<Path> allFiles() {
        return MemFiles.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allFiles")
    void roundTripGivesAnEqualRecording(Path file) {
        ExcitabilityRecording original = reader.read(file);
        String written = writer.write(original);
        assertThat(reader.read("written " + file.getFileName(), written)).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allFiles")
    void writtenFilesUseCrlfAndTwentyCharacterFields(Path file) {
        String written = writer.write(reader.read(file));
        assertThat(written).endsWith("\r\n").doesNotContain("\r\r").doesNotContainPattern("[^\r]\n");
        for (String line : written.split("\r\n")) {
            if (line.contains("\t")) {
                String[] fields = line.split("\t", -1);
                for (int i = 0; i < fields.length - 1; i++) {
                    assertThat(fields[i].length()).as("field %d of '%s'", i, line).isGreaterThanOrEqualTo(20);
                    if (fields[i].length() > 20) {
                        assertThat(fields[i]).as("over-long field of '%s'", line).doesNotEndWith(" ");
                    }
                }
            }
        }
    }

    /** FESB70821A.MEM comes back byte for byte except our own Program and Threshold method lines. */
    @ParameterizedTest
    @EnumSource(MemWriter.Precision.class)
    void originalAIsWrittenBackAsQtracPWroteIt(MemWriter.Precision precision) {
        String original = MemFiles.text(MemFiles.file("FESB70821A.MEM"));
        String written = new MemWriter(precision).write(reader.read("FESB70821A.MEM", original));
        List<String> expected = List.of(original.split("\r\n", -1));
        List<String> actual = List.of(written.split("\r\n", -1));
        assertThat(actual).hasSameSizeAs(expected);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                differences.add((i + 1) + ": " + expected.get(i) + " -> " + actual.get(i));
            }
        }
        assertThat(differences).containsExactly(
                "244: Program = QTracP 9/12/2016 -> " + MemWriter.PROGRAM_LINE,
                "245: Threshold method = 6 (optimised for CAP, using data for present condition only) -> "
                        + MemWriter.THRESHOLD_METHOD_LINE);
    }

    @Test
    void numberStylesFollowQtracP() {
        String written = writer.write(reader.read(MemFiles.file("FESB70821A.MEM")));
        assertThat(written).contains("QT.1                \t .2                 \t 9.790961           \t 1.958192\r\n")
                .contains("TE1.1               \t 0                  \t0                   \t0.00\r\n")
                .contains("TE2.5               \t 20                 \t-40                 \t-58.3\r\n")
                .contains("IV1.6               \t 0                  \t-0.78\r\n")
                .contains("IV1.7               \t-10                 \t-17.58\r\n")
                .contains(" 15.                \t0.000               \tPolarizing current\\(% threshold)\r\n")
                .contains(" Max CMAP  1 ms =  1.161296 mV\r\n")
                .contains("  THRESHOLD ELECTROTONUS DATA (3.5-8.8m)\r\n")
                .contains(" STIMULUS-RESPONSE DATA (2.4-1.9m)\r\n");
    }

    @Test
    void qtracpPrecisionRoundsComputedValues() {
        ExcitabilityRecording computed = new ExcitabilityRecording(
                new RecordingHeader(Map.of("Name", "X")),
                new StimulusResponseCurve(List.of(new StimulusResponseCurve.MaximalResponse(1, 1.16129649)),
                        List.of(new StimulusResponseCurve.Point(50, List.of(5.3102541234)))),
                List.of(new ChargeDurationPoint(0.2, 9.79096149, 1.958192298)),
                List.of(new ElectrotonusCurve("TE1", 40, List.of(new ElectrotonusCurve.Point(10, 40, 40.0249)))),
                List.of(new CurrentThresholdPoint(-10, -17.5849)),
                List.of(new RecoveryPoint(3.2, 0.001)),
                List.of(new DerivedVariable(3, "Strength-duration\\time constant (ms)", 0.28681)),
                List.of(), List.of());
        String written = new MemWriter(MemWriter.Precision.QTRACP).write(computed);
        assertThat(written).contains(" Max CMAP  1 ms =  1.161296 mV\r\n")
                .contains("SR.50               \t 50                 \t 5.310254\r\n")
                .contains("QT.1                \t .2                 \t 9.790961           \t 1.958192\r\n")
                .contains("TE1.1               \t 10                 \t40                  \t40.02\r\n")
                .contains("IV1.1               \t-10                 \t-17.58\r\n")
                .contains("RC1.1               \t 3.2                \t0.00\r\n")
                .contains(" 3.                 \t0.287               \tStrength-duration\\time constant (ms)\r\n");
        ExcitabilityRecording back = reader.read("computed.MEM", written);
        assertThat(new MemWriter(MemWriter.Precision.QTRACP).write(back)).isEqualTo(written);
        assertThat(back.sections()).extracting(s -> s.title()).containsExactly("STIMULUS-RESPONSE DATA",
                "CHARGE DURATION DATA", "THRESHOLD ELECTROTONUS DATA", "RECOVERY CYCLE DATA", "THRESHOLD I/V DATA",
                "DERIVED EXCITABILITY VARIABLES", "EXTRA VARIABLES");
        assertThat(back.sections().get(0).startMinutes()).isEqualTo(OptionalDouble.empty());
    }

    @Test
    void infiniteValuesAreRefused() {
        ExcitabilityRecording r = reader.read(MemFiles.file("FESB70821A.MEM"));
        ExcitabilityRecording bad = new ExcitabilityRecording(r.header(), r.stimulusResponse(), r.chargeDuration(),
                r.electrotonus(), r.currentThreshold(), List.of(new RecoveryPoint(2, Double.POSITIVE_INFINITY)),
                r.derived(), r.extraVariables(), r.sections());
        assertThatThrownBy(() -> writer.write(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Infinity");
    }
}
