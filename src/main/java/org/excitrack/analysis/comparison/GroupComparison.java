package org.excitrack.analysis.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.excitrack.analysis.ComputedVariables;

/**
 * Two independent groups of recordings, e.g. controls (A) and ALS patients (B).
 *
 * <p>Per variable, over the recordings of each group with a finite value: n, mean and sample SD (divisor n − 1);
 * the difference of means B − A; and its 95 % Welch confidence interval, which does not assume equal variances:
 * <pre>
 *   SE = √(s_A²/n_A + s_B²/n_B)
 *   ν  = SE⁴ / ( (s_A²/n_A)² / (n_A − 1) + (s_B²/n_B)² / (n_B − 1) )      (Welch–Satterthwaite)
 *   CI = (x̄_B − x̄_A) ± t_{0.975, ν} · SE
 * </pre>
 * (Welch, <i>Biometrika</i> 34:28–35, 1947). ν need not be an integer; t comes from the Student t distribution with
 * real degrees of freedom. When both SDs are 0 the interval is the single point B − A with ν = n_A + n_B − 2. No
 * interval is given when a group has fewer than 2 values. The intervals are per variable, not corrected for the
 * number of variables compared: with 40 variables, about 2 of 40 intervals miss the true difference by chance.
 */
public final class GroupComparison {
    private GroupComparison() {
    }

    /**
     * @param a group A's recordings
     * @param b group B's recordings
     * @return per variable any recording has (numbered ascending, then extras), B − A with its CI
     * @throws IllegalArgumentException if a group is empty
     */
    public static List<GroupDifference> compare(List<ComputedVariables> a, List<ComputedVariables> b) {
        if (a.isEmpty() || b.isEmpty()) {
            throw new IllegalArgumentException("each group needs at least 1 recording; got " + a.size() + " in A and "
                    + b.size() + " in B");
        }
        List<ComputedVariables> all = new ArrayList<>(a);
        all.addAll(b);
        List<Map<String, VariableId.Entry>> valuesA = a.stream().map(VariableId::values).toList();
        List<Map<String, VariableId.Entry>> valuesB = b.stream().map(VariableId::values).toList();
        List<GroupDifference> out = new ArrayList<>();
        for (VariableId id : VariableId.union(all)) {
            out.add(difference(id, finite(valuesA, id), finite(valuesB, id)));
        }
        return out;
    }

    /** The Welch comparison of two samples (package-visible for tests). */
    static GroupDifference difference(VariableId id, double[] a, double[] b) {
        GroupSummary sa = GroupSummary.of(a);
        GroupSummary sb = GroupSummary.of(b);
        double diff = sb.mean() - sa.mean();
        Optional<ConfidenceInterval> ci = Optional.empty();
        if (a.length >= 2 && b.length >= 2) {
            double va = sa.sd() * sa.sd() / a.length;
            double vb = sb.sd() * sb.sd() / b.length;
            double se = Math.sqrt(va + vb);
            if (se == 0) {
                ci = Optional.of(new ConfidenceInterval(diff, diff, Statistics.LEVEL, a.length + b.length - 2));
            } else {
                double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
                double half = Statistics.tCritical(df) * se;
                ci = Optional.of(new ConfidenceInterval(diff - half, diff + half, Statistics.LEVEL, df));
            }
        }
        return new GroupDifference(id, sa, sb, diff, ci);
    }

    private static double[] finite(List<Map<String, VariableId.Entry>> group, VariableId id) {
        return group.stream().map(m -> m.get(id.key())).filter(e -> e != null && Double.isFinite(e.value()))
                .mapToDouble(VariableId.Entry::value).toArray();
    }
}
