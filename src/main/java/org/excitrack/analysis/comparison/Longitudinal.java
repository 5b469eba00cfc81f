package org.excitrack.analysis.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.excitrack.analysis.ComputedVariables;

/**
 * Changes within subjects over time, e.g. before and during a mexiletine course.
 *
 * <p><b>Two recordings</b> ({@link #change}): per variable, the difference later − earlier. No statistics: one
 * subject's change has no error estimate here.
 *
 * <p><b>A series of pairs</b> ({@link #pairedSeries}), one pair per subject: per variable, the paired differences
 * d<sub>i</sub> = later<sub>i</sub> − earlier<sub>i</sub> over the n pairs in which both recordings have a finite
 * value, their mean d̄, sample SD s<sub>d</sub> (divisor n − 1), and the 95 % confidence interval of the mean
 * difference d̄ ± t<sub>0.975, n−1</sub> · s<sub>d</sub> / √n (Student's paired t interval; e.g. Altman,
 * <i>Practical Statistics for Medical Research</i>, 1991, §9.5). It assumes the differences are roughly normal
 * and the subjects independent; with n = 1 no interval is given.
 */
public final class Longitudinal {
    private Longitudinal() {
    }

    /** One subject recorded twice. */
    public record Pair(ComputedVariables earlier, ComputedVariables later) {
        public Pair {
            Objects.requireNonNull(earlier, "earlier");
            Objects.requireNonNull(later, "later");
        }
    }

    /**
     * @return every variable either recording has (numbered ascending, then extras), with later − earlier; a
     *     variable missing from one recording has NaN there and as its difference
     */
    public static List<PairedChange> change(ComputedVariables earlier, ComputedVariables later) {
        Map<String, VariableId.Entry> before = VariableId.values(earlier);
        Map<String, VariableId.Entry> after = VariableId.values(later);
        List<PairedChange> out = new ArrayList<>();
        for (VariableId id : VariableId.union(List.of(earlier, later))) {
            out.add(new PairedChange(id, value(before, id), value(after, id)));
        }
        return out;
    }

    /**
     * @param pairs one per subject
     * @return per variable any recording has, the mean paired difference and its 95 % CI (see the class comment)
     * @throws IllegalArgumentException if {@code pairs} is empty
     */
    public static List<PairedSummary> pairedSeries(List<Pair> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("a paired series needs at least 1 pair, got 0");
        }
        List<ComputedVariables> all = new ArrayList<>();
        List<Map<String, VariableId.Entry>> before = new ArrayList<>();
        List<Map<String, VariableId.Entry>> after = new ArrayList<>();
        for (Pair p : pairs) {
            all.add(p.earlier());
            all.add(p.later());
            before.add(VariableId.values(p.earlier()));
            after.add(VariableId.values(p.later()));
        }
        List<PairedSummary> out = new ArrayList<>();
        for (VariableId id : VariableId.union(all)) {
            double[] d = new double[pairs.size()];
            int n = 0;
            for (int i = 0; i < pairs.size(); i++) {
                double diff = value(after.get(i), id) - value(before.get(i), id);
                if (Double.isFinite(diff)) {
                    d[n++] = diff;
                }
            }
            out.add(summarize(id, java.util.Arrays.copyOf(d, n)));
        }
        return out;
    }

    /** The paired-t summary of differences {@code d} (package-visible for tests). */
    static PairedSummary summarize(VariableId id, double[] d) {
        int n = d.length;
        double mean = n == 0 ? Double.NaN : Statistics.mean(d);
        double sd = Statistics.sd(d);
        Optional<ConfidenceInterval> ci = Optional.empty();
        if (n >= 2) {
            double half = Statistics.tCritical(n - 1) * sd / Math.sqrt(n);
            ci = Optional.of(new ConfidenceInterval(mean - half, mean + half, Statistics.LEVEL, n - 1));
        }
        return new PairedSummary(id, n, mean, sd, ci);
    }

    private static double value(Map<String, VariableId.Entry> values, VariableId id) {
        VariableId.Entry e = values.get(id.key());
        return e == null || !Double.isFinite(e.value()) ? Double.NaN : e.value();
    }
}
