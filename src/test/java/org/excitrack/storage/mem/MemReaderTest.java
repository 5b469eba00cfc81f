package org.excitrack.storage.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import org.excitrack.model.excitability.ChargeDurationPoint;
import org.excitrack.model.excitability.DerivedVariable;
import org.excitrack.model.excitability.ElectrotonusCurve;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.ExtraVariable;
import org.excitrack.model.excitability.SectionTime;
import org.excitrack.model.excitability.StimulusResponseCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MemReaderTest {
    private final MemReader reader = new MemReader();

    static List<Path> allFiles() {
        return MemFiles.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allFiles")
    void everyFileParses(Path file) {
        ExcitabilityRecording r = reader.read(file);
        assertThat(r.header().fields()).containsKeys("File", "Name", "Protocol");
        assertThat(r.sections()).extracting(SectionTime::title).contains("DERIVED EXCITABILITY VARIABLES");
        assertThat(r.derived()).isNotEmpty();
    }

    @Test
    void originalAHeader() {
        ExcitabilityRecording r = reader.read(MemFiles.file("FESB70821A.MEM"));
        assertThat(r.header().fields()).containsExactly(
                Map.entry("File", "n:\\Qtrac\\Data\\Human Normative data\\Median nerve raw\\FESB70821A.QZD"),
                Map.entry("Name", "CR21S"), Map.entry("Protocol", "TRONDNF"), Map.entry("Date", "21/8/17"),
                Map.entry("Start time", "12:57:17"), Map.entry("Age", "30"), Map.entry("Sex", "M"),
                Map.entry("Temperature", "33.5"), Map.entry("S/R sites", "Median Wr-APB"),
                Map.entry("NC/disease", "NC"), Map.entry("Operator", "MS"), Map.entry("Comments", "smooth recording"));
        assertThat(r.header().ageYears()).hasValue(30);
        assertThat(r.header().temperatureCelsius()).hasValue(33.5);
    }

    @Test
    void originalASections() {
        ExcitabilityRecording r = reader.read(MemFiles.file("FESB70821A.MEM"));
        assertThat(r.sections()).containsExactly(
                section("STIMULUS-RESPONSE DATA", 2.4, 1.9), // "(2.4-1.9m)" as written
                section("CHARGE DURATION DATA", 2.4, 3.5),
                section("THRESHOLD ELECTROTONUS DATA", 3.5, 8.8),
                section("RECOVERY CYCLE DATA", 11.1, 15.3),
                section("THRESHOLD I/V DATA", 8.9, 11),
                untimed("DERIVED EXCITABILITY VARIABLES"),
                untimed("EXTRA VARIABLES"));
    }

    @Test
    void originalAValues() {
        ExcitabilityRecording r = reader.read(MemFiles.file("FESB70821A.MEM"));
        StimulusResponseCurve sr = r.stimulusResponse();
        assertThat(sr.maximalResponses()).containsExactly(new StimulusResponseCurve.MaximalResponse(1, 1.161296));
        assertThat(sr.points()).hasSize(49);
        assertThat(sr.points().get(24)).isEqualTo(new StimulusResponseCurve.Point(50, List.of(5.310254)));
        assertThat(r.chargeDuration()).hasSize(5).first().isEqualTo(new ChargeDurationPoint(0.2, 9.790961, 1.958192));
        assertThat(r.chargeDuration().get(4)).isEqualTo(new ChargeDurationPoint(1, 5.187509, 5.187509));

        assertThat(r.electrotonus()).extracting(ElectrotonusCurve::label).containsExactly("TE1", "TE2", "TE3", "TE4");
        assertThat(r.electrotonus()).extracting(c -> c.points().size()).containsExactly(28, 26, 26, 26);
        assertThat(r.electrotonus()).extracting(ElectrotonusCurve::conditioningPercent)
                .containsExactly(40.0, -40.0, 20.0, -20.0);
        assertThat(r.electrotonus().get(0).points().get(2)).isEqualTo(new ElectrotonusCurve.Point(10, 40, 40.02));
        assertThat(r.electrotonus().get(1).points().get(4)).isEqualTo(new ElectrotonusCurve.Point(20, -40, -58.3));
        assertThat(r.electrotonus().get(3).points().get(25)).isEqualTo(new ElectrotonusCurve.Point(210, 0, 2.78));

        assertThat(r.recoveryCycle()).hasSize(16);
        assertThat(r.recoveryCycle().get(0).intervalMillis()).isEqualTo(3.2);
        assertThat(r.recoveryCycle().get(0).thresholdChangePercent()).isEqualTo(4.99);
        assertThat(r.recoveryCycle().get(15).thresholdChangePercent()).isEqualTo(-1.31);
        assertThat(r.currentThreshold()).hasSize(16);
        assertThat(r.currentThreshold().get(6).currentPercent()).isEqualTo(-10);
        assertThat(r.currentThreshold().get(6).thresholdReductionPercent()).isEqualTo(-17.58);
        assertThat(r.currentThreshold().get(15).thresholdReductionPercent()).isEqualTo(-301.32);

        assertThat(r.derived()).hasSize(32);
        assertThat(r.derived()).contains(
                new DerivedVariable(3, "Strength-duration\\time constant (ms)", 0.287),
                new DerivedVariable(15, "Polarizing current\\(% threshold)", 0),
                new DerivedVariable(11, "TEh(90-100ms)", -99.213),
                new DerivedVariable(35, "TEd20(peak)", 34.11));
        assertThat(r.derived()).extracting(DerivedVariable::number).doesNotContain(2, 29, 32);
        assertThat(r.extraVariables()).containsExactly(new ExtraVariable("TEd40(Accom)", "19.6"),
                new ExtraVariable("TEd20(10-20ms)", "30.8"), new ExtraVariable("TEh20(10-20ms)", "-32.2"));
    }

    @Test
    void originalBHasNoStimulusResponseRowsButItsMaximum() {
        ExcitabilityRecording r = reader.read(MemFiles.file("FESB70821B.MEM"));
        assertThat(r.stimulusResponse().maximalResponses())
                .containsExactly(new StimulusResponseCurve.MaximalResponse(1, 4.960938));
        assertThat(r.recoveryCycle()).hasSize(17);
        assertThat(r.recoveryCycle().get(0).intervalMillis()).isEqualTo(2.5);
        assertThat(r.derived()).contains(new DerivedVariable(32, "Refractoriness at 2 ms (%)", 187.735));
    }

    @Test
    void ratFileHasTwoWidthsAndSkipsStrengthDuration() {
        ExcitabilityRecording r = reader.read(MemFiles.file("rat.MEM"));
        assertThat(r.header().protocol()).hasValue("TRONDXM2");
        assertThat(r.header().fields()).containsEntry("Comments", "");
        assertThat(r.stimulusResponse().maximalResponses()).containsExactly(
                new StimulusResponseCurve.MaximalResponse(0.2, 4.619955),
                new StimulusResponseCurve.MaximalResponse(1, 4.742025));
        assertThat(r.stimulusResponse().points().get(0))
                .isEqualTo(new StimulusResponseCurve.Point(2, List.of(4.693583, 1.203761)));
        assertThat(r.sections()).extracting(SectionTime::title).containsExactly("STIMULUS-RESPONSE DATA",
                "STRENGTH-DURATION DATA", "THRESHOLD ELECTROTONUS DATA", "RECOVERY CYCLE DATA", "THRESHOLD I/V DATA",
                "DERIVED EXCITABILITY VARIABLES", "EXTRA VARIABLES");
        assertThat(r.chargeDuration()).isEmpty();
        assertThat(r.electrotonus()).extracting(ElectrotonusCurve::conditioningPercent).containsExactly(40.0, -40.0);
        assertThat(r.derived()).contains(new DerivedVariable(6, "Peak response\\(mv)", 4.742));
    }

    /**
     * short_test.MEM is not truncated: it is nerve-norms' test fixture, every section present with only a few rows,
     * ending like QtracP's files. Its quirks: a 0.2 ms maximum in µV with only the Stimulus(2) column, and a TE1
     * row repeating delay 11 with the sign flipped. Both are readable data, not format errors, so it parses.
     */
    @Test
    void shortTestIsShortButComplete() {
        ExcitabilityRecording r = reader.read(MemFiles.file("short_test.MEM"));
        assertThat(r.stimulusResponse().maximalResponses()).containsExactly(
                new StimulusResponseCurve.MaximalResponse(0.2, 61.36306 / 1000),
                new StimulusResponseCurve.MaximalResponse(1, 1.161296));
        assertThat(r.stimulusResponse().points()).hasSize(10);
        assertThat(r.stimulusResponse().points().get(0).stimulusMilliamps()).containsExactly(Double.NaN, 3.915578);
        assertThat(r.electrotonus()).extracting(c -> c.points().size()).containsExactly(5, 4);
        assertThat(r.recoveryCycle()).hasSize(5);
        assertThat(r.currentThreshold()).hasSize(8);
        assertThat(r.derived()).extracting(DerivedVariable::number).containsExactly(1, 3, 16, 18, 22);
        assertThat(r.extraVariables()).contains(new ExtraVariable("Target(%)", "-600"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.excitrack.storage.mem.MemFiles#samples")
    void sampleDerivedVariablesEqualTheCsv(Path file) throws IOException {
        Map<Integer, Double> expected = csv().getOrDefault(file.getFileName().toString(), Map.of());
        assertThat(expected).isNotEmpty();
        Map<Integer, Double> actual = reader.read(file).derived().stream()
                .collect(Collectors.toMap(DerivedVariable::number, DerivedVariable::value));
        assertThat(actual).isEqualTo(expected);
    }

    private static Map<String, Map<Integer, Double>> csv() throws IOException {
        Map<String, Map<Integer, Double>> byFile = new HashMap<>();
        List<String> lines = Files.readAllLines(MemFiles.file("samples-qtracp-variables.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            byFile.computeIfAbsent(f[0], k -> new HashMap<>())
                    .put(Integer.parseInt(f[1]), Double.parseDouble(f[f.length - 1]));
        }
        return byFile;
    }

    // ---- hand-made inputs --------------------------------------------------------------------------------------

    static final String HEADER = " File:              \tx.QZD\r\n Name:              \tAB\r\n"
            + " Protocol:          \tTRONDNF\r\n Date:              \t21/8/17 / 28/9/18\r\n\r\n";
    static final String SR = " STIMULUS-RESPONSE DATA (2.4-1.9m)\r\n\r\nValues are those recorded\r\n\r\n"
            + " Max CMAP  1 ms =  1.161296 mV\r\n\r\n                    \t% Max               \tStimulus(2)\r\n"
            + "SR.2                \t 2                  \t 3.915578\r\n"
            + "SR.4                \t 4                  \t 4.073214\r\n\r\n";
    static final String DERIVED = "  DERIVED EXCITABILITY VARIABLES\r\n\r\nProgram = QTracP 9/12/2016\r\n\r\n"
            + " 1.                 \t5.307               \tStimulus (mA) for 50% max response\r\n";

    @Test
    void minimalHandMadeFileWithLfAndTrailingWhiteSpace() {
        String text = (HEADER + SR + DERIVED).replace("\r\n", "\n").replace("3.915578\n", "3.915578 \t\n");
        ExcitabilityRecording r = reader.read("hand.MEM", text);
        assertThat(r.header().fields()).containsEntry("Date", "21/8/17 / 28/9/18");
        assertThat(r.stimulusResponse().points()).hasSize(2);
        assertThat(r.stimulusResponse().points().get(0).stimulusMilliamps()).containsExactly(3.915578);
        assertThat(r.derived()).containsExactly(new DerivedVariable(1, "Stimulus (mA) for 50% max response", 5.307));
    }

    @Test
    void unknownSectionsAndExtraWaveformsAreRecordedAndSkipped() {
        String text = HEADER + SR + "  LATENT ADDITION DATA (3-4m)\r\n\r\nLA.1\tfoo\tbar\r\n\r\n" + DERIVED
                + "\r\n  EXTRA VARIABLES (add here as required, e.g. Potassium = 4.5)\r\n\r\nPotassium = 4.5\r\n"
                + "  EXTRA WAVEFORMS\r\n!T-SICFvISI(%RMT)(Parallel)\r\n1\t2\r\n";
        ExcitabilityRecording r = reader.read("hand.MEM", text);
        assertThat(r.sections()).extracting(SectionTime::title).containsExactly("STIMULUS-RESPONSE DATA",
                "LATENT ADDITION DATA", "DERIVED EXCITABILITY VARIABLES", "EXTRA VARIABLES", "EXTRA WAVEFORMS");
        assertThat(r.sections().get(1)).isEqualTo(section("LATENT ADDITION DATA", 3, 4));
        assertThat(r.extraVariables()).containsExactly(new ExtraVariable("Potassium", "4.5"));
    }

    @Test
    void aNumberThatDoesNotParseNamesLineColumnAndRow() {
        String text = HEADER + SR.replace(" 4.073214", "x.2") + DERIVED;
        assertThatThrownBy(() -> reader.read("bad.MEM", text)).isInstanceOf(MemFormatException.class)
                .hasMessageStartingWith("bad.MEM line 14: 'x.2' in column 'Stimulus(2)' of SR.4 is not a number")
                .extracting(e -> ((MemFormatException) e).lineNumber()).isEqualTo(14);
    }

    @Test
    void javaOnlyNumberFormatsAreRejected() {
        assertThatThrownBy(() -> reader.read("bad.MEM", HEADER + SR.replace(" 4.073214", "4d") + DERIVED))
                .isInstanceOf(MemFormatException.class).hasMessageContaining("'4d' in column 'Stimulus(2)'");
        assertThatThrownBy(() -> reader.read("bad.MEM", HEADER + SR.replace(" 4.073214", "NaN") + DERIVED))
                .isInstanceOf(MemFormatException.class).hasMessageContaining("'NaN'");
    }

    @Test
    void aFileCutAtARowBoundaryEndsInsideItsSection() {
        String text = HEADER + SR.substring(0, SR.indexOf("SR.4"));
        assertThatThrownBy(() -> reader.read("cut.MEM", text)).isInstanceOf(MemFormatException.class)
                .hasMessage("cut.MEM line 13: the file ends inside the STIMULUS-RESPONSE DATA section; expected more "
                        + "SR rows or the next section (QtracP writes DERIVED EXCITABILITY VARIABLES after the "
                        + "measurements)");
    }

    @Test
    void aFileCutInTheMiddleOfARowIsCaught() {
        String whole = HEADER + SR + DERIVED;
        String cut = whole.substring(0, whole.length() - 12); // inside the last derived row's label
        assertThatThrownBy(() -> reader.read("cut.MEM", cut)).isInstanceOf(MemFormatException.class)
                .hasMessageContaining("cut.MEM line 20: the last line").hasMessageContaining("has no line end");
        String cutInSr = HEADER + SR.substring(0, SR.indexOf("4.073214") + 3);
        assertThatThrownBy(() -> reader.read("cut.MEM", cutInSr)).isInstanceOf(MemFormatException.class)
                .hasMessageContaining("line 14: the file ends inside the STIMULUS-RESPONSE DATA section");
    }

    @Test
    void aRowWithTooFewValues() {
        String text = HEADER + SR.replace("\t 4.073214", "") + DERIVED;
        assertThatThrownBy(() -> reader.read("bad.MEM", text)).isInstanceOf(MemFormatException.class)
                .hasMessage("bad.MEM line 14: SR.4 has 1 value; expected 2 (% Max, Stimulus(2))");
    }

    @Test
    void aRowOfTheWrongSection() {
        String text = HEADER + SR.replace("SR.4 ", "QT.4 ") + DERIVED;
        assertThatThrownBy(() -> reader.read("bad.MEM", text)).isInstanceOf(MemFormatException.class)
                .hasMessageContaining("bad.MEM line 14: 'QT.4").hasMessageContaining("expected a row SR.<n>");
    }

    @Test
    void aTextWithoutHeaderIsNotAMemFile() {
        assertThatThrownBy(() -> reader.read("notes.txt", "hello world\r\nsecond line\r\n"))
                .isInstanceOf(MemFormatException.class)
                .hasMessageStartingWith("notes.txt line 1: the text starts with 'hello world'; not a MEM file");
        assertThatThrownBy(() -> reader.read("x.MEM", SR + DERIVED)).isInstanceOf(MemFormatException.class)
                .hasMessageStartingWith("x.MEM line 1: the text starts with the section title "
                        + "'STIMULUS-RESPONSE DATA (2.4-1.9m)' and has no header; not a MEM file");
        assertThatThrownBy(() -> reader.read("empty.MEM", "\r\n  \r\n")).isInstanceOf(MemFormatException.class)
                .hasMessageStartingWith("empty.MEM line 2: the text is empty; not a MEM file");
    }

    @Test
    void aBadTimeTagOrMaxCmapLine() {
        assertThatThrownBy(() -> reader.read("bad.MEM", HEADER + SR.replace("(2.4-1.9m)", "(abc)") + DERIVED))
                .isInstanceOf(MemFormatException.class)
                .hasMessage("bad.MEM line 6: '(abc)' after STIMULUS-RESPONSE DATA is not a time tag; expected "
                        + "'(start-end m)' such as '(3.5-8.8m)'");
        assertThatThrownBy(() -> reader.read("bad.MEM", HEADER + SR.replace("1.161296 mV", "1.161296 V") + DERIVED))
                .isInstanceOf(MemFormatException.class).hasMessageContaining("line 10: 'Max CMAP  1 ms =  1.161296 V'");
    }

    @Test
    void aTeCurveWithTwoConditioningCurrents() {
        String te = "  THRESHOLD ELECTROTONUS DATA\r\n\r\n                    \tDelay (ms)          \tCurrent (%)"
                + "         \tThresh redn. (%)\r\n\r\nTE1.1               \t 10                 \t40      \t40.02\r\n"
                + "TE1.2               \t 11                 \t20      \t42.71\r\n\r\n";
        assertThatThrownBy(() -> reader.read("bad.MEM", HEADER + SR + te + DERIVED))
                .isInstanceOf(MemFormatException.class)
                .hasMessageContaining("line 21: TE1.2 has current 20 % but earlier TE1 rows have 40 %");
    }

    @Test
    void aSectionTwiceAndAStimulusColumnWithoutMaximum() {
        assertThatThrownBy(() -> reader.read("bad.MEM", HEADER + SR + SR + DERIVED))
                .isInstanceOf(MemFormatException.class)
                .hasMessage("bad.MEM line 16: a second STIMULUS-RESPONSE DATA section; expected each section once");
        assertThatThrownBy(() -> reader.read("bad.MEM", HEADER + SR.replace(" Max CMAP  1 ms =  1.161296 mV", "")
                + DERIVED)).isInstanceOf(MemFormatException.class)
                .hasMessageContaining("line 12: column Stimulus(2) has no matching 'Max CMAP' line");
    }

    @Test
    void aBadExtraVariableLine() {
        String text = HEADER + SR + DERIVED + "  EXTRA VARIABLES (add here as required, e.g. Potassium = 4.5)\r\n"
                + "\r\nPotassium 4.5\r\n";
        assertThatThrownBy(() -> reader.read("bad.MEM", text)).isInstanceOf(MemFormatException.class)
                .hasMessageContaining("line 23: 'Potassium 4.5' in the EXTRA VARIABLES section; expected 'name = value'");
    }

    private static SectionTime section(String title, double start, double end) {
        return new SectionTime(title, OptionalDouble.of(start), OptionalDouble.of(end));
    }

    private static SectionTime untimed(String title) {
        return new SectionTime(title, OptionalDouble.empty(), OptionalDouble.empty());
    }
}
