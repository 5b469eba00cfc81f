package org.excitrack.storage.mem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.excitrack.model.excitability.ChargeDurationPoint;
import org.excitrack.model.excitability.CurrentThresholdPoint;
import org.excitrack.model.excitability.ElectrotonusCurve;
import org.excitrack.model.excitability.RecoveryPoint;
import org.excitrack.model.excitability.StimulusResponseCurve;

/**
 * The measured curves of a MEM file, collected as {@link MemTableReader} reads its table rows: each row's values
 * become the section's record; TE rows are grouped into curves by their {@code TEk} id, each with one conditioning
 * current.
 */
final class MemCurves {
    /**
     * One data row whose id and number of values have been checked.
     *
     * @param id the row id as written, e.g. {@code TE1.3}
     * @param group the id before the dot, e.g. {@code TE1}
     * @param values one text per column
     * @param titles the table's column titles
     * @param lineNumber where the row is, for messages
     */
    record Row(String id, String group, List<String> values, List<String> titles, int lineNumber) {
    }

    private final MemLines lines;
    private final List<StimulusResponseCurve.MaximalResponse> maxima = new ArrayList<>();
    private final List<StimulusResponseCurve.Point> srPoints = new ArrayList<>();
    private final List<ChargeDurationPoint> chargeDuration = new ArrayList<>();
    private final Map<String, List<ElectrotonusCurve.Point>> teRows = new LinkedHashMap<>();
    private final Map<String, Double> teConditioning = new LinkedHashMap<>();
    private final List<CurrentThresholdPoint> currentThreshold = new ArrayList<>();
    private final List<RecoveryPoint> recovery = new ArrayList<>();

    MemCurves(MemLines lines) {
        this.lines = lines;
    }

    void addMaximalResponse(double widthMillis, double millivolts) {
        maxima.add(new StimulusResponseCurve.MaximalResponse(widthMillis, millivolts));
    }

    /** The {@code Max CMAP} lines read so far: the SR table's stimulus columns are matched to them. */
    int maximaCount() {
        return maxima.size();
    }

    /**
     * @param stimulusColumns for SR rows, the maximal response each Stimulus(n) column belongs to
     * @throws MemFormatException for a value that is not a number, or a TE curve's second conditioning current
     */
    void addRow(MemSection section, Row row, List<Integer> stimulusColumns) {
        switch (section) {
            case STIMULUS_RESPONSE -> {
                double percent = number(row, 0);
                Double[] stimuli = new Double[maxima.size()];
                Arrays.fill(stimuli, Double.NaN);
                for (int c = 1; c < row.values().size(); c++) {
                    String v = row.values().get(c);
                    stimuli[stimulusColumns.get(c - 1)] = v.isBlank() ? Double.NaN : number(row, c);
                }
                srPoints.add(new StimulusResponseCurve.Point(percent, List.of(stimuli)));
            }
            case CHARGE_DURATION -> chargeDuration.add(new ChargeDurationPoint(number(row, 0), number(row, 1),
                    number(row, 2)));
            case THRESHOLD_ELECTROTONUS -> {
                double current = number(row, 1);
                String curve = row.group();
                if (current != 0) {
                    Double before = teConditioning.putIfAbsent(curve, current);
                    if (before != null && before != current) {
                        throw lines.error(row.lineNumber(), row.id() + " has current " + row.values().get(1).strip()
                                + " % but earlier " + curve + " rows have " + MemNumbers.exact(before)
                                + " %; expected one conditioning current per TE curve");
                    }
                }
                teRows.computeIfAbsent(curve, k -> new ArrayList<>()).add(new ElectrotonusCurve.Point(
                        number(row, 0), current, number(row, 2)));
            }
            case RECOVERY_CYCLE -> recovery.add(new RecoveryPoint(number(row, 0), number(row, 1)));
            case CURRENT_THRESHOLD -> currentThreshold.add(new CurrentThresholdPoint(number(row, 0), number(row, 1)));
            default -> throw new IllegalStateException("not a table: " + section);
        }
    }

    private double number(Row row, int column) {
        return lines.number(row.values().get(column), row.titles().get(column), row.id(), row.lineNumber());
    }

    StimulusResponseCurve stimulusResponse() {
        return new StimulusResponseCurve(maxima, srPoints);
    }

    List<ChargeDurationPoint> chargeDuration() {
        return chargeDuration;
    }

    /** The TE curves in the order their first rows came; a curve with no non-zero current has NaN. */
    List<ElectrotonusCurve> electrotonus() {
        List<ElectrotonusCurve> curves = new ArrayList<>();
        teRows.forEach((label, points) -> curves.add(
                new ElectrotonusCurve(label, teConditioning.getOrDefault(label, Double.NaN), points)));
        return curves;
    }

    List<CurrentThresholdPoint> currentThreshold() {
        return currentThreshold;
    }

    List<RecoveryPoint> recovery() {
        return recovery;
    }
}
