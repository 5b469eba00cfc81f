package org.excitrack.storage.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.excitrack.model.excitability.DerivedVariable;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.ExtraVariable;

/**
 * Writes a recording as one JSON object (UTF-8, pretty-printed):
 * <pre>
 * {
 *   "format" : "excitrack-recording-export", "schemaVersion" : 1,
 *   "file" : "FESB70821A.MEM",
 *   "header" : { "Name" : "CR21S", "Age" : "21", … },                     (as written, in order)
 *   "sections" : [ { "section" : "stimulus_response",
 *                    "curves" : [ { "curve" : "max_cmap", "xUnit" : "ms", "yUnit" : "mV",
 *                                   "points" : [ [ 1.0, 5.31 ], … ] }, … ] }, … ],
 *   "derivedVariables" : [ { "number" : 3, "name" : "Strength-duration\\time constant (ms)",
 *                            "value" : 0.2868, "fileValue" : 0.287 }, … ],
 *   "extraVariables" : [ { "name" : "TEd20(10-20ms)", "value" : …, "fileValue" : "…" }, … ]
 * }
 * </pre>
 * Sections, curves and units as {@link CurvePoint} lists them. {@code value} is what the caller computed,
 * {@code fileValue} what the source file carried (present only when it carried it). Non-finite numbers are
 * written as {@code null}, so the output is standard JSON.
 */
public final class JsonRecordingWriter {
    public static final String FORMAT = "excitrack-recording-export";
    public static final int SCHEMA_VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param fileName the source's file name
     * @param computedVariables the numbered variables computed from the curves
     * @param computedExtras the named extras computed from the curves, in order
     */
    public void write(String fileName, ExcitabilityRecording recording, List<DerivedVariable> computedVariables,
            Map<String, Double> computedExtras, OutputStream out) throws IOException {
        ObjectNode root = mapper.createObjectNode().put("format", FORMAT).put("schemaVersion", SCHEMA_VERSION)
                .put("file", fileName);
        ObjectNode header = root.putObject("header");
        recording.header().fields().forEach(header::put);
        ArrayNode sections = root.putArray("sections");
        Map<String, Map<String, ObjectNode>> curves = new LinkedHashMap<>();
        for (CurvePoint p : CurvePoint.of(recording)) {
            Map<String, ObjectNode> bySection = curves.computeIfAbsent(p.section(), s -> new LinkedHashMap<>());
            ObjectNode curve = bySection.computeIfAbsent(p.curve(), c -> mapper.createObjectNode().put("curve", c)
                    .put("xUnit", p.xUnit()).put("yUnit", p.yUnit()));
            ArrayNode point = (curve.has("points") ? (ArrayNode) curve.get("points") : curve.putArray("points"))
                    .addArray();
            number(point, p.x());
            number(point, p.y());
        }
        curves.forEach((section, byCurve) -> sections.addObject().put("section", section).putArray("curves")
                .addAll(List.copyOf(byCurve.values())));
        ArrayNode derived = root.putArray("derivedVariables");
        for (DerivedVariable v : computedVariables) {
            ObjectNode node = derived.addObject().put("number", v.number()).put("name", v.label());
            number(node, "value", v.value());
            recording.derived().stream().filter(d -> d.number() == v.number()).findFirst()
                    .ifPresent(d -> number(node, "fileValue", d.value()));
        }
        ArrayNode extras = root.putArray("extraVariables");
        computedExtras.forEach((name, value) -> {
            ObjectNode node = extras.addObject().put("name", name);
            number(node, "value", value);
            recording.extraVariables().stream().filter(x -> x.name().equals(name)).map(ExtraVariable::value)
                    .findFirst().ifPresent(x -> node.put("fileValue", x));
        });
        mapper.writerWithDefaultPrettyPrinter().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, root);
    }

    private static void number(ArrayNode array, double v) {
        if (Double.isFinite(v)) {
            array.add(v);
        } else {
            array.addNull();
        }
    }

    private static void number(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }
}
