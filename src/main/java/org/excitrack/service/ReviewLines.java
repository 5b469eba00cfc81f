package org.excitrack.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.excitrack.analysis.NormativeModel;
import org.excitrack.analysis.VariableNorm;

/**
 * Turns {@link AnalysisService}'s variables into the Review screen's table lines: each under the panel of the
 * classic figure it is read from, with its unit, and with the healthy mean ± SD at the subject's age beside the
 * z-score, because a clinician reads "0.52 ms (normal 0.44 ± 0.10)" faster than a z alone.
 */
final class ReviewLines {
    /** The figure's panels in its order, then what describes the recording rather than the nerve. */
    static final List<String> GROUPS = List.of("Stimulus-response", "Charge-duration", "Threshold electrotonus",
            "Current-threshold (I/V)", "Recovery cycle", "Recording");

    private record Kind(int group, String unit) {
    }

    private static final Map<Integer, Kind> NUMBERED = Map.ofEntries(
            Map.entry(1, new Kind(0, "mA")), Map.entry(5, new Kind(0, "")), Map.entry(6, new Kind(0, "mV")),
            Map.entry(19, new Kind(0, "ms")),
            Map.entry(3, new Kind(1, "ms")), Map.entry(4, new Kind(1, "mA")),
            Map.entry(11, new Kind(2, "%")), Map.entry(12, new Kind(2, "%")), Map.entry(20, new Kind(2, "%")),
            Map.entry(21, new Kind(2, "%")), Map.entry(22, new Kind(2, "%")), Map.entry(23, new Kind(2, "%")),
            Map.entry(24, new Kind(2, "%")), Map.entry(25, new Kind(2, "%")), Map.entry(26, new Kind(2, "%")),
            Map.entry(27, new Kind(2, "ms")), Map.entry(30, new Kind(2, "%")), Map.entry(31, new Kind(2, "%/ms")),
            Map.entry(35, new Kind(2, "%")),
            Map.entry(7, new Kind(3, "")), Map.entry(8, new Kind(3, "")), Map.entry(28, new Kind(3, "")),
            Map.entry(10, new Kind(4, "ms")), Map.entry(13, new Kind(4, "%")), Map.entry(14, new Kind(4, "%")),
            Map.entry(29, new Kind(4, "%")), Map.entry(32, new Kind(4, "%")), Map.entry(33, new Kind(4, "%")),
            Map.entry(34, new Kind(4, "%")),
            Map.entry(9, new Kind(5, "\u00b0C")), Map.entry(15, new Kind(5, "%")), Map.entry(16, new Kind(5, "mA")),
            Map.entry(17, new Kind(5, "years")), Map.entry(18, new Kind(5, "M=1, F=2")));

    private ReviewLines() {
    }

    static List<ReviewService.Line> of(List<AnalysisService.Variable> variables, OptionalDouble ageYears) {
        NormativeModel model = NormativeData.model();
        List<ReviewService.Line> lines = new ArrayList<>();
        for (AnalysisService.Variable v : variables) {
            // named extras are TE window means of the ±20 % curves (the only extras ExcitabilityVariables computes)
            Kind kind = v.number().isPresent() ? NUMBERED.getOrDefault((int) v.number().getAsDouble(), new Kind(5, ""))
                    : new Kind(2, "%");
            Optional<VariableNorm> norm = v.number().isPresent() && v.zScore().isPresent()
                    ? model.variable((int) v.number().getAsDouble()) : Optional.empty();
            double[] meanSd = norm.map(n -> meanAndSd(n, ageYears)).orElse(null);
            lines.add(new ReviewService.Line(GROUPS.get(kind.group()), v.numberText(), displayName(v.name()),
                    kind.unit(), v.value(), meanSd == null ? OptionalDouble.empty() : OptionalDouble.of(meanSd[0]),
                    meanSd == null ? OptionalDouble.empty() : OptionalDouble.of(meanSd[1]), v.zScore(),
                    v.outsideNormalRange()));
        }
        lines.sort(Comparator.comparingInt((ReviewService.Line l) -> GROUPS.indexOf(l.group())));
        return lines;
    }

    /**
     * The healthy mean and SD at this age in the variable's units. On a log-scale model the mean is the back-transformed
     * prediction (the geometric mean, i.e. the median) and the SD half the width of the back-transformed ±1 SD
     * interval: an approximation, which is why the screen also shows z, computed exactly on the model's scale.
     */
    static double[] meanAndSd(VariableNorm n, OptionalDouble ageYears) {
        double centre = n.predicted(ageYears);
        double sd = n.spread(ageYears);
        double mean = n.fromModelScale(centre);
        double spread = Math.abs(n.fromModelScale(centre + sd) - n.fromModelScale(centre - sd)) / 2;
        return new double[] {mean, spread};
    }

    /** QtracP's label without its line breaks and without the unit the table shows in its own column. */
    static String displayName(String label) {
        String s = label.replace('\\', ' ').replaceAll("\\s+", " ").trim();
        s = s.replaceAll("\\s*\\((ms|mA|mV|%|years| C|% threshold|M=1, F=2)\\)$", "");
        return s.replace(" (mA) for", " for");
    }
}
