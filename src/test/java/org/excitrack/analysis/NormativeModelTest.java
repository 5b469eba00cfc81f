package org.excitrack.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.excitrack.service.AnalysisService;
import org.excitrack.service.NormativeData;
import org.junit.jupiter.api.Test;

/** The age-aware normative model: synthetic data with known parameters, and the 192 shipped healthy recordings. */
class NormativeModelTest {
    private static final Path SAMPLES = Path.of("..", "shared", "data", "nerve-norms", "samples");

    /** n rows of variable 3 with ages uniform on 20–80 and value = f(age, standard normal). */
    private static List<NormativeRow> synthetic(int n, long seed, int number, java.util.function.DoubleBinaryOperator f) {
        Random random = new Random(seed);
        List<NormativeRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double age = 20 + 60 * random.nextDouble();
            rows.add(new NormativeRow(OptionalDouble.of(age), Map.of(number, f.applyAsDouble(age, random.nextGaussian()))));
        }
        return rows;
    }

    @Test
    void recoversAKnownAgeTrendAndNoise() {
        // value = 10 + 0.05·age + N(0, 2²); slope SE ≈ 2/(√400·17.3) ≈ 0.006, SD SE ≈ 0.07
        NormativeModel model = NormativeModel.fit(synthetic(400, 42, 3, (age, e) -> 10 + 0.05 * age + 2 * e));
        VariableNorm norm = model.variable(3).orElseThrow();
        assertThat(norm.scale()).isEqualTo(VariableNorm.Scale.RAW);
        assertThat(norm.slopePerYear()).isCloseTo(0.05, within(0.02));
        assertThat(norm.residualSd()).isCloseTo(2.0, within(0.2));
        assertThat(norm.nWithAge()).isEqualTo(400);

        // a point 2.5 true SDs above the true mean at 50 y: z ≈ 2.5, exact against the fitted line
        NormativeComparison c = model.compare(3, 10 + 0.05 * 50 + 2 * 2.5, OptionalDouble.of(50)).orElseThrow();
        assertThat(c.z()).isCloseTo(2.5, within(0.25));
        assertThat(c.outsideNormalRange()).isTrue();
        assertThat(c.ageAdjusted()).isTrue();
        double fitted = norm.intercept() + norm.slopePerYear() * 50 + 1.5 * norm.residualSd();
        assertThat(model.compare(3, fitted, OptionalDouble.of(50)).orElseThrow().z()).isCloseTo(1.5, within(1e-9));
        assertThat(model.compare(3, fitted, OptionalDouble.of(50)).orElseThrow().outsideNormalRange()).isFalse();
        // normal range at 50 y: 12.5 ± 1.96·2
        assertThat(c.range().low()).isCloseTo(12.5 - 3.92, within(0.5));
        assertThat(c.range().high()).isCloseTo(12.5 + 3.92, within(0.5));
    }

    @Test
    void unknownAgeUsesTheUnadjustedMeanAndSdAndAgesAreClampedToTheData() {
        NormativeModel model = NormativeModel.fit(synthetic(400, 7, 3, (age, e) -> 10 + 0.05 * age + 2 * e));
        VariableNorm norm = model.variable(3).orElseThrow();
        NormativeComparison c = model.compare(3, norm.mean() + norm.sd(), OptionalDouble.empty()).orElseThrow();
        assertThat(c.z()).isCloseTo(1.0, within(1e-9));
        assertThat(c.ageAdjusted()).isFalse();
        // unadjusted SD includes the age spread: √(2² + (0.05·60)²/12) ≈ 2.18
        assertThat(norm.sd()).isCloseTo(Math.sqrt(4 + 0.05 * 0.05 * 60 * 60 / 12), within(0.25));
        assertThat(norm.predicted(OptionalDouble.of(120))).isEqualTo(norm.predicted(OptionalDouble.of(norm.ageMaxYears())));
        assertThat(norm.predicted(OptionalDouble.of(1))).isEqualTo(norm.predicted(OptionalDouble.of(norm.ageMinYears())));
    }

    @Test
    void aSkewedPositiveVariableIsModelledOnTheLogScale() {
        // log-normal: ln v = 1 + 0.01·age + N(0, 0.4²)
        NormativeModel model = NormativeModel.fit(synthetic(400, 1, 3, (age, e) -> Math.exp(1 + 0.01 * age + 0.4 * e)));
        VariableNorm norm = model.variable(3).orElseThrow();
        assertThat(norm.scale()).isEqualTo(VariableNorm.Scale.LOG);
        assertThat(Math.abs(norm.residualSkewLog())).isLessThan(Math.abs(norm.residualSkewRaw()));
        assertThat(norm.slopePerYear()).isCloseTo(0.01, within(0.004));
        assertThat(norm.residualSd()).isCloseTo(0.4, within(0.04));
        double value = Math.exp(1 + 0.01 * 40 + 0.4 * -2.2);
        assertThat(model.compare(3, value, OptionalDouble.of(40)).orElseThrow().z()).isCloseTo(-2.2, within(0.25));
        // the range is asymmetric about the median on the original scale
        NormalRange r = norm.normalRange(OptionalDouble.of(40));
        double median = Math.exp(1 + 0.01 * 40);
        assertThat(r.high() - median).isGreaterThan(median - r.low());
        // a value the log scale cannot take has no z
        assertThat(model.compare(3, -1, OptionalDouble.of(40))).isEmpty();
    }

    @Test
    void aSkewedNegativeVariableKeepsItsSignAndDirection() {
        NormativeModel model = NormativeModel.fit(synthetic(400, 2, 13, (age, e) -> -Math.exp(3 + 0.5 * e)));
        VariableNorm norm = model.variable(13).orElseThrow();
        assertThat(norm.scale()).isEqualTo(VariableNorm.Scale.LOG);
        assertThat(norm.sign()).isEqualTo(-1);
        // more negative than usual → negative z, as on the raw scale
        assertThat(model.compare(13, -Math.exp(3 + 0.5 * 2.5), OptionalDouble.of(50)).orElseThrow().z())
                .isCloseTo(-2.5, within(0.25));
        NormalRange r = norm.normalRange(OptionalDouble.of(50));
        assertThat(r.low()).isCloseTo(-Math.exp(3 + 0.98), within(3.0));
        assertThat(r.high()).isCloseTo(-Math.exp(3 - 0.98), within(1.0));
    }

    @Test
    void aSkewedVariableOfBothSignsStaysRaw() {
        NormativeModel model = NormativeModel.fit(synthetic(400, 3, 29, (age, e) -> Math.exp(0.8 * e) - 1.2));
        VariableNorm norm = model.variable(29).orElseThrow();
        assertThat(norm.residualSkewRaw()).isGreaterThan(1);
        assertThat(norm.residualSkewLog()).isNaN();
        assertThat(norm.scale()).isEqualTo(VariableNorm.Scale.RAW);
    }

    @Test
    void headerVariablesAndSparseVariablesAreSkipped() {
        List<NormativeRow> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(new NormativeRow(OptionalDouble.of(20 + i),
                    i < 29 ? Map.of(3, 0.4 + i * 0.001, 9, 33.0 + i * 0.01, 17, 20.0 + i, 18, 1.0 + i % 2, 14, 10.0 + i % 5)
                            : Map.of(3, 0.4 + i * 0.001, 9, 33.0, 17, 20.0 + i, 18, 1.0 + i % 2)));
        }
        NormativeModel model = NormativeModel.fit(rows);
        assertThat(model.numbers()).containsExactly(3);
        assertThat(model.compare(14, 12, OptionalDouble.of(30))).isEmpty();
    }

    // ---- the shipped data: 192 healthy median-nerve recordings ----

    private static final Set<Integer> EXPECTED_LOG = Set.of(1, 3, 4, 5, 7, 8, 10, 19, 20, 22, 24, 27, 28, 30, 32);
    /**
     * Refractoriness at 2.5 ms takes both signs (−11.5…511 %), so it cannot go on the log scale, and a few huge
     * values inflate the SD: only ~1.6 % of healthy values fall outside ±1.96 SD. Documented in variables.md.
     */
    private static final int HEAVY_TAILED = 29;

    @Test
    void realDataScaleChoicesAreTheDocumentedOnes() {
        NormativeModel model = NormativeData.model();
        Set<Integer> log = new TreeSet<>();
        for (int n : model.numbers()) {
            if (model.variable(n).orElseThrow().scale() == VariableNorm.Scale.LOG) {
                log.add(n);
            }
        }
        assertThat(model.numbers()).hasSize(29).doesNotContain(9, 15, 16, 17, 18);
        assertThat(log).isEqualTo(EXPECTED_LOG);
    }

    @Test
    void healthyRecordingsHaveZAboutStandardNormalAndAbout5PercentFlagged() {
        List<NormativeRow> rows = NormativeData.rows();
        assertThat(rows).hasSize(192);
        NormativeModel model = NormativeModel.fit(rows);
        StringBuilder table = new StringBuilder(String.format("%4s %5s %4s %8s %7s %7s %8s%n", "#", "scale", "n",
                "slope/y", "mean z", "SD z", "flagged"));
        for (int number : model.numbers()) {
            List<Double> z = zScores(model, rows, number);
            double mean = z.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double sd = Math.sqrt(z.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (z.size() - 1));
            double flagged = z.stream().filter(x -> Math.abs(x) > NormativeComparison.LIMIT).count() / (double) z.size();
            VariableNorm norm = model.variable(number).orElseThrow();
            table.append(String.format("%4d %5s %4d %8.4f %7.3f %7.3f %7.1f%%%n", number, norm.scale(), z.size(),
                    norm.slopePerYear(), mean, sd, 100 * flagged));
            // in-sample: mean 0 and SD √((n−1)/(n−2))·… ≈ 1 hold by construction of least squares
            assertThat(mean).as("mean z of %d", number).isCloseTo(0, within(0.02));
            assertThat(sd).as("SD z of %d", number).isCloseTo(1, within(0.02));
            if (number == HEAVY_TAILED) {
                assertThat(flagged).as("flagged of %d", number).isBetween(0.005, 0.09);
            } else {
                assertThat(flagged).as("flagged of %d", number).isBetween(0.02, 0.09);
            }
        }
        System.out.print(table);
    }

    @Test
    void outOfSampleSplitHalfZIsRoughlyStandard() {
        // fit on even rows, score odd rows: an honest check, unlike the in-sample one; n ≈ 96 per half
        List<NormativeRow> rows = NormativeData.rows();
        List<NormativeRow> train = new ArrayList<>();
        List<NormativeRow> test = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (i % 2 == 0 ? train : test).add(rows.get(i));
        }
        NormativeModel model = NormativeModel.fit(train);
        int flagged = 0;
        int total = 0;
        for (int number : model.numbers()) {
            List<Double> z = zScores(model, test, number);
            double mean = z.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double sd = Math.sqrt(z.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (z.size() - 1));
            if (number != HEAVY_TAILED) {
                assertThat(mean).as("held-out mean z of %d", number).isCloseTo(0, within(0.35));
                assertThat(sd).as("held-out SD z of %d", number).isBetween(0.6, 1.4);
            }
            flagged += (int) z.stream().filter(x -> Math.abs(x) > NormativeComparison.LIMIT).count();
            total += z.size();
        }
        System.out.printf("split half: %d of %d held-out values flagged (%.1f %%)%n", flagged, total, 100.0 * flagged / total);
        assertThat(flagged / (double) total).isBetween(0.01, 0.09);
    }

    private static List<Double> zScores(NormativeModel model, List<NormativeRow> rows, int number) {
        List<Double> z = new ArrayList<>();
        for (NormativeRow r : rows) {
            Double v = r.values().get(number);
            if (v != null) {
                model.compare(number, v, r.ageYears()).ifPresent(c -> z.add(c.z()));
            }
        }
        return z;
    }

    @Test
    void theTwentyHealthySampleRecordingsAreMostlyInsideTheNormalRange() throws Exception {
        assumeTrue(Files.isDirectory(SAMPLES), "the nerve-norms data set is beside the project");
        List<Path> files;
        try (var s = Files.list(SAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".MEM")).sorted().toList();
        }
        assertThat(files).hasSize(20);
        int scored = 0;
        int flagged = 0;
        List<String> outside = new ArrayList<>();
        for (AnalysisService.FileVariables f : new AnalysisService().analyze(files)) {
            for (AnalysisService.Variable v : f.variables()) {
                if (v.zScore().isPresent()) {
                    scored++;
                    if (v.outsideNormalRange()) {
                        flagged++;
                        outside.add(f.file() + " #" + v.numberText() + String.format(" z=%.2f", v.zScore().getAsDouble()));
                    }
                }
            }
        }
        System.out.printf("samples: %d of %d z-scored values flagged (%.1f %%): %s%n", flagged, scored,
                100.0 * flagged / scored, outside);
        assertThat(scored).isGreaterThan(20 * 25);
        assertThat(flagged / (double) scored).isLessThan(0.10);
    }
}
