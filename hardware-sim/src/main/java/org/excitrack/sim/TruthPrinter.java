package org.excitrack.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.excitrack.model.excitability.DerivedVariable;
import org.excitrack.model.excitability.ExcitabilityRecording;

/** Prints {@code excitrack sim --truth}: what the virtual subject truly is, for people (table) or programs (JSON). */
final class TruthPrinter {
    enum Format { TABLE, JSON }

    private final PrintWriter out;
    private final Function<ExcitabilityRecording, List<DerivedVariable>> variableDefinitions;

    TruthPrinter(PrintWriter out, Function<ExcitabilityRecording, List<DerivedVariable>> variableDefinitions) {
        this.out = out;
        this.variableDefinitions = variableDefinitions;
    }

    int print(SimulatorConfig config, double targetPercent, Format format) {
        SubjectTruth truth = SubjectTruth.of(config.subject(), targetPercent, variableDefinitions);
        if (format == Format.JSON) {
            printJson(config, truth);
        } else {
            printTable(config, truth);
        }
        out.flush();
        return 0;
    }

    private void printTable(SimulatorConfig config, SubjectTruth truth) {
        out.printf(Locale.ROOT, "Truth for subject %s (%s), %s layer, seed %d%n", truth.subject().preset().name(),
                truth.subject().preset().description(), truth.subject().preset().layer().label(), config.seed());
        out.printf(Locale.ROOT, "Noise-free, computed inside the model; thresholds for a target of %s %% of the "
                + "maximal CMAP.%n%n", plain(truth.targetPercent()));
        out.println(" No.  Variable                                  Value");
        for (DerivedVariable v : truth.variables()) {
            out.printf(Locale.ROOT, "%4d  %-40s %10s%n", v.number(), label(v), number(v.value()));
        }
        out.printf(Locale.ROOT, "%nCortex: RMT %.1f %% of maximum stimulator output (0.2 mV MEP at rest)%n",
                truth.restingMotorThresholdPercent());
        out.println("T-SICI (conditioning 70 % RMT), % threshold increase by ISI:");
        java.util.StringJoiner isis = new java.util.StringJoiner("  ");
        truth.siciPercentByIsi().forEach((isi, sici) -> isis.add(String.format(Locale.ROOT, "%s ms %.1f",
                plain(isi), sici)));
        out.println(isis);
        out.printf(Locale.ROOT, "Averaged SICI (1–7 ms) %.1f %%%n", truth.averagedSiciPercent());
    }

    private void printJson(SimulatorConfig config, SubjectTruth truth) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("subject", truth.subject().preset().name());
        root.put("description", truth.subject().preset().description());
        root.put("layer", truth.subject().preset().layer().label());
        root.put("seed", config.seed());
        root.put("targetPercent", truth.targetPercent());
        ArrayNode variables = root.putArray("variables");
        for (DerivedVariable v : truth.variables()) {
            ObjectNode n = variables.addObject().put("number", v.number()).put("name", label(v));
            if (Double.isFinite(v.value())) {
                n.put("value", v.value());
            } else {
                n.putNull("value");
            }
        }
        ObjectNode cortex = root.putObject("cortex");
        cortex.put("rmtPercent", truth.restingMotorThresholdPercent());
        ArrayNode sici = cortex.putArray("sici");
        truth.siciPercentByIsi().forEach((isi, percent) -> sici.addObject().put("isiMillis", isi)
                .put("percent", percent));
        cortex.put("averagedSiciPercent", truth.averagedSiciPercent());
        try {
            out.println(mapper.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the truth as JSON", e);
        }
    }

    /** QtracP writes a backslash where its labels break across two lines. */
    private static String label(DerivedVariable v) {
        return v.label().replace("\\", " ");
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "—";
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
