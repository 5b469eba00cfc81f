package org.excitrack.storage.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.excitrack.model.excitability.ChargeDurationPoint;
import org.excitrack.model.excitability.CurrentThresholdPoint;
import org.excitrack.model.excitability.DerivedVariable;
import org.excitrack.model.excitability.ElectrotonusCurve;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.ExtraVariable;
import org.excitrack.model.excitability.RecordingHeader;
import org.excitrack.model.excitability.RecoveryPoint;
import org.excitrack.model.excitability.StimulusResponseCurve;
import org.junit.jupiter.api.Test;

/** The CSV and JSON writers on a small recording written out by hand. */
class ExportWritersTest {
    static final ExcitabilityRecording SMALL = new ExcitabilityRecording(
            new RecordingHeader(Map.of("Name", "Doe, J")),
            new StimulusResponseCurve(List.of(new StimulusResponseCurve.MaximalResponse(1, 5.31)),
                    List.of(new StimulusResponseCurve.Point(2, List.of(3.1)),
                            new StimulusResponseCurve.Point(4, List.of(Double.NaN)))),
            List.of(new ChargeDurationPoint(0.2, 6.5, 1.3)),
            List.of(new ElectrotonusCurve("TE1", 40, List.of(new ElectrotonusCurve.Point(9, 0, 0.5)))),
            List.of(new CurrentThresholdPoint(-100, -150.25)),
            List.of(new RecoveryPoint(2.5, 80)),
            List.of(new DerivedVariable(10, "RRP (ms)", 3.407)),
            List.of(new ExtraVariable("TEd20(10-20ms)", "61.2")),
            List.of());

    @Test
    void csvHasOneRowPerPointWithUnits() throws IOException {
        StringWriter out = new StringWriter();
        new CsvCurveWriter().write("a,b.MEM", SMALL, out);
        assertThat(out.toString().lines().toList()).containsExactly(
                "file,section,curve,x,x_unit,y,y_unit",
                "\"a,b.MEM\",stimulus_response,max_cmap,1,ms,5.31,mV",
                "\"a,b.MEM\",stimulus_response,width_1ms,2,% max,3.1,mA",
                "\"a,b.MEM\",charge_duration,threshold,0.2,ms,6.5,mA",
                "\"a,b.MEM\",charge_duration,charge,0.2,ms,1.3,mA*ms",
                "\"a,b.MEM\",threshold_electrotonus,TE1,9,ms,0.5,%",
                "\"a,b.MEM\",threshold_electrotonus,TE1_current,9,ms,0,% threshold",
                "\"a,b.MEM\",recovery_cycle,RC,2.5,ms,80,%",
                "\"a,b.MEM\",current_threshold,IV,-100,% threshold,-150.25,%");
    }

    @Test
    void jsonHasHeaderCurvesAndVariablesWithNullForNonFinite() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonRecordingWriter().write("x.MEM", SMALL, List.of(new DerivedVariable(10, "RRP (ms)", 3.41),
                new DerivedVariable(11, "Refractoriness at 2 ms (%)", Double.NaN)),
                Map.of("TEd20(10-20ms)", 61.25), out);
        JsonNode root = new ObjectMapper().readTree(out.toByteArray());
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.at("/header/Name").asText()).isEqualTo("Doe, J");
        assertThat(root.at("/sections/0/section").asText()).isEqualTo("stimulus_response");
        assertThat(root.at("/sections/0/curves/1/curve").asText()).isEqualTo("width_1ms");
        assertThat(root.at("/sections/0/curves/1/points").toString()).isEqualTo("[[2.0,3.1]]");
        assertThat(root.at("/sections/4/curves/0/yUnit").asText()).isEqualTo("%");
        assertThat(root.at("/derivedVariables/0/value").asDouble()).isEqualTo(3.41);
        assertThat(root.at("/derivedVariables/0/fileValue").asDouble()).isEqualTo(3.407);
        assertThat(root.at("/derivedVariables/1/value").isNull()).isTrue();
        assertThat(root.at("/derivedVariables/1").has("fileValue")).isFalse();
        assertThat(root.at("/extraVariables/0/fileValue").asText()).isEqualTo("61.2");
    }
}
