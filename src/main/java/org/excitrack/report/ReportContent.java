package org.excitrack.report;

import java.util.List;
import java.util.Objects;
import org.excitrack.model.excitability.ExcitabilityRecording;

/**
 * Everything one report shows.
 *
 * @param sourceName the recording's file name, as printed on the report
 * @param recording the subject's curves and header
 * @param norms normal bands from healthy recordings
 * @param variables the variables table, in order
 * @param normsNote one line saying where the variables' normal ranges come from
 */
public record ReportContent(String sourceName, ExcitabilityRecording recording, NormalBands norms,
        List<VariableRow> variables, String normsNote) {
    public ReportContent {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(norms, "norms");
        variables = List.copyOf(variables);
        Objects.requireNonNull(normsNote, "normsNote");
    }
}
