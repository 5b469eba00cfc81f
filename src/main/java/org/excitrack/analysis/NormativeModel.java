package org.excitrack.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Age-aware reference ranges for QtracP's derived variables, fitted to recordings of healthy subjects, and
 * z-scores of new values against them. Pure: it is handed the parsed rows and does no I/O.
 *
 * <p><b>Method</b>, per QtracP variable number present in the rows:
 * <ol>
 *   <li>Skipped: the header-like variables 9 (temperature), 15 and 16 (polarizing current), 17 (age) and 18 (sex),
 *       and any variable with fewer than {@value #MIN_VALUES} values.</li>
 *   <li>Scale. A variable is modelled on the signed-log scale t = s·ln(s·v) (s = the common sign) when
 *       <i>both</i> (a) every healthy value is strictly of one sign (no zeros) and (b) the residuals of the age
 *       regression are less skewed on that scale than on the raw one: |g1(log residuals)| &lt;
 *       |g1(raw residuals)|, with g1 = m3 / m2^1.5 the (biased) sample skewness. Otherwise raw: t = v.
 *       The signed log keeps the order of the values, so z has the same direction on both scales.</li>
 *   <li>Ordinary least-squares regression of t on age (years) over the rows of known age, with the residual SD
 *       (n − 2 denominator). Needs {@value #MIN_VALUES} values of known age and some spread of age; otherwise the
 *       slope is 0 and the residual SD is the unadjusted SD.</li>
 *   <li>Unadjusted mean and SD (n − 1) of t over all rows, for subjects of unknown age.</li>
 *   <li>z = (t(observed) − predicted(age)) / residual SD; predictions use the age clamped to the youngest and
 *       oldest age of the data (no extrapolation of the trend). |z| &gt; 1.96 is outside the normal range; the
 *       normal range (2.5–97.5 %) at that age is predicted ± 1.96 × residual SD, transformed back to the
 *       variable's units.</li>
 * </ol>
 * The parameters' own uncertainty is ignored (the prediction interval would be wider by a factor
 * √(1 + 1/n + (age − mean age)² / Sxx), under 1.02 for n ≈ 190 within the data's age span).
 * Reference: the scale rule follows the finding in {@code stellentus/healthy-nerves} ({@code normativeDistributions.m})
 * that SDTC, rheobase, stimulus for 50 %, and the I/V slopes are log-normal (trondnf.md §4.2).
 */
public final class NormativeModel {
    /** Variables with fewer values than this get no model. */
    public static final int MIN_VALUES = 30;
    /** QtracP numbers that describe the recording rather than the nerve: temperature, polarizing current, age, sex. */
    public static final Set<Integer> SKIPPED = Set.of(9, 15, 16, 17, 18);

    private final Map<Integer, VariableNorm> norms;

    private NormativeModel(Map<Integer, VariableNorm> norms) {
        this.norms = Collections.unmodifiableMap(new TreeMap<>(norms));
    }

    /** @throws IllegalArgumentException when a row carries a non-finite value or age */
    public static NormativeModel fit(List<NormativeRow> rows) {
        Set<Integer> numbers = new TreeSet<>();
        for (NormativeRow row : rows) {
            row.ageYears().ifPresent(a -> {
                if (!Double.isFinite(a)) {
                    throw new IllegalArgumentException("age " + a + " is not finite");
                }
            });
            row.values().forEach((k, v) -> {
                if (v == null || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("value " + v + " of variable " + k + " is not finite");
                }
            });
            numbers.addAll(row.values().keySet());
        }
        Map<Integer, VariableNorm> norms = new TreeMap<>();
        for (int number : numbers) {
            if (SKIPPED.contains(number)) {
                continue;
            }
            fitVariable(number, rows).ifPresent(n -> norms.put(number, n));
        }
        return new NormativeModel(norms);
    }

    /** The modelled variable numbers, ascending. */
    public Set<Integer> numbers() {
        return norms.keySet();
    }

    public Optional<VariableNorm> variable(int number) {
        return Optional.ofNullable(norms.get(number));
    }

    /**
     * @return empty when the variable has no model or the value cannot be placed on its scale
     * @see VariableNorm#compare(double, OptionalDouble)
     */
    public Optional<NormativeComparison> compare(int number, double value, OptionalDouble ageYears) {
        VariableNorm norm = norms.get(number);
        return norm == null ? Optional.empty() : norm.compare(value, ageYears);
    }

    private static Optional<VariableNorm> fitVariable(int number, List<NormativeRow> rows) {
        List<Double> all = new ArrayList<>();
        List<double[]> aged = new ArrayList<>();
        for (NormativeRow row : rows) {
            Double v = row.values().get(number);
            if (v == null) {
                continue;
            }
            all.add(v);
            row.ageYears().ifPresent(a -> aged.add(new double[] {a, v}));
        }
        if (all.size() < MIN_VALUES) {
            return Optional.empty();
        }
        boolean positive = all.stream().allMatch(v -> v > 0);
        boolean negative = all.stream().allMatch(v -> v < 0);
        int sign = negative ? -1 : 1;
        Fit raw = fit(all, aged, v -> v);
        Fit log = positive || negative ? fit(all, aged, v -> sign * Math.log(sign * v)) : null;
        double skewRaw = skewness(raw.residuals);
        double skewLog = log == null ? Double.NaN : skewness(log.residuals);
        boolean useLog = log != null && Math.abs(skewLog) < Math.abs(skewRaw);
        Fit f = useLog ? log : raw;
        return Optional.of(new VariableNorm(number, useLog ? VariableNorm.Scale.LOG : VariableNorm.Scale.RAW, sign,
                all.size(), f.nWithAge, f.intercept, f.slope, f.residualSd, f.mean, f.sd, f.ageMin, f.ageMax,
                skewRaw, skewLog));
    }

    private record Fit(int nWithAge, double intercept, double slope, double residualSd, double mean, double sd,
            double ageMin, double ageMax, double[] residuals) {
    }

    private static Fit fit(List<Double> all, List<double[]> aged, java.util.function.DoubleUnaryOperator scale) {
        int n = all.size();
        double mean = all.stream().mapToDouble(scale::applyAsDouble).average().orElseThrow();
        double ss = all.stream().mapToDouble(v -> Math.pow(scale.applyAsDouble(v) - mean, 2)).sum();
        double sd = Math.sqrt(ss / (n - 1));
        int m = aged.size();
        double ax = 0;
        double at = 0;
        double ageMin = Double.POSITIVE_INFINITY;
        double ageMax = Double.NEGATIVE_INFINITY;
        for (double[] p : aged) {
            ax += p[0];
            at += scale.applyAsDouble(p[1]);
            ageMin = Math.min(ageMin, p[0]);
            ageMax = Math.max(ageMax, p[0]);
        }
        ax /= Math.max(m, 1);
        at /= Math.max(m, 1);
        double sxx = 0;
        double sxt = 0;
        for (double[] p : aged) {
            sxx += (p[0] - ax) * (p[0] - ax);
            sxt += (p[0] - ax) * (scale.applyAsDouble(p[1]) - at);
        }
        if (m < MIN_VALUES || !(sxx > 0)) {
            // No usable age trend: the prediction is the mean at any age (clamped age 0 → intercept).
            double[] res = all.stream().mapToDouble(v -> scale.applyAsDouble(v) - mean).toArray();
            return new Fit(0, mean, 0, sd, mean, sd, 0, 0, res);
        }
        double slope = sxt / sxx;
        double intercept = at - slope * ax;
        double[] res = new double[m];
        double rss = 0;
        for (int i = 0; i < m; i++) {
            res[i] = scale.applyAsDouble(aged.get(i)[1]) - (intercept + slope * aged.get(i)[0]);
            rss += res[i] * res[i];
        }
        return new Fit(m, intercept, slope, Math.sqrt(rss / (m - 2)), mean, sd, ageMin, ageMax, res);
    }

    /** Sample skewness g1 = m3 / m2^1.5 (biased central moments). */
    static double skewness(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double m2 = 0;
        double m3 = 0;
        for (double v : x) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= x.length;
        m3 /= x.length;
        return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
    }
}
