package org.excitrack.analysis.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.excitrack.analysis.ComputedVariables;
import org.excitrack.model.excitability.DerivedVariable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The comparison statistics against values worked by hand and t quantiles from printed tables. */
class ComparisonStatisticsTest {
    private static final VariableId X = new VariableId(OptionalInt.of(3), "SDTC (ms)");

    @ParameterizedTest(name = "t(0.975, {0}) = {1}")
    @CsvSource({"1, 12.7062", "2, 4.3027", "4, 2.7764", "10, 2.2281", "30, 2.0423", "1000, 1.9623"})
    void tQuantilesMatchTheTables(double df, double expected) {
        assertThat(Statistics.tCritical(df)).isCloseTo(expected, within(1e-4));
    }

    @Test
    void degreesOfFreedomMustBePositive() {
        assertThatThrownBy(() -> Statistics.tCritical(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("degrees of freedom 0.0");
    }

    @Test
    void pairedIntervalWorkedByHand() {
        // d = 1..5: mean 3, SD sqrt(2.5) = 1.581139, SE 0.707107, t(0.975,4) = 2.776445, half-width 1.963243
        PairedSummary s = Longitudinal.summarize(X, new double[] {1, 2, 3, 4, 5});
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.meanDifference()).isEqualTo(3.0);
        assertThat(s.sdDifference()).isCloseTo(1.581139, within(1e-6));
        assertThat(s.interval()).hasValueSatisfying(ci -> {
            assertThat(ci.low()).isCloseTo(1.036757, within(1e-6));
            assertThat(ci.high()).isCloseTo(4.963243, within(1e-6));
            assertThat(ci.degreesOfFreedom()).isEqualTo(4.0);
            assertThat(ci.level()).isEqualTo(0.95);
        });
    }

    @Test
    void onePairHasNoInterval() {
        PairedSummary s = Longitudinal.summarize(X, new double[] {2.5});
        assertThat(s.meanDifference()).isEqualTo(2.5);
        assertThat(s.sdDifference()).isNaN();
        assertThat(s.interval()).isEmpty();
    }

    @Test
    void welchWithEqualVariancesAndSizesHas2nMinus2DegreesOfFreedom() {
        // A = 1,2,3; B = 4,5,6: means 2 and 5, SDs 1; SE = sqrt(1/3 + 1/3) = 0.816497; df = 4;
        // half-width 2.776445 * 0.816497 = 2.266958
        GroupDifference d = GroupComparison.difference(X, new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertThat(d.a()).isEqualTo(new GroupSummary(3, 2.0, 1.0));
        assertThat(d.b()).isEqualTo(new GroupSummary(3, 5.0, 1.0));
        assertThat(d.difference()).isEqualTo(3.0);
        assertThat(d.interval()).hasValueSatisfying(ci -> {
            assertThat(ci.degreesOfFreedom()).isCloseTo(4.0, within(1e-12));
            assertThat(ci.low()).isCloseTo(0.733042, within(1e-6));
            assertThat(ci.high()).isCloseTo(5.266958, within(1e-6));
        });
    }

    @Test
    void welchWithUnequalVariancesUsesSatterthwaite() {
        // A = 1,2,3,4: var 5/3, /n = 0.416667; B = 2,4,6: var 4, /n = 1.333333; SE^2 = 1.75
        // df = 1.75^2 / (0.416667^2/3 + 1.333333^2/2) = 3.0625 / 0.946759 = 3.234719
        GroupDifference d = GroupComparison.difference(X, new double[] {1, 2, 3, 4}, new double[] {2, 4, 6});
        assertThat(d.difference()).isEqualTo(1.5);
        assertThat(d.interval()).hasValueSatisfying(ci -> {
            assertThat(ci.degreesOfFreedom()).isCloseTo(3.234719, within(1e-6));
            double half = (ci.high() - ci.low()) / 2;
            double se = Math.sqrt(1.75);
            // t(0.975, 3.23) lies between the table's t(0.975, 4) = 2.776445 and t(0.975, 3) = 3.182446
            assertThat(half / se).isBetween(2.776445, 3.182446);
            assertThat((ci.high() + ci.low()) / 2).isCloseTo(1.5, within(1e-12));
        });
    }

    @Test
    void identicalGroupsWithoutSpreadGiveAPointInterval() {
        GroupDifference d = GroupComparison.difference(X, new double[] {2, 2}, new double[] {2, 2, 2});
        assertThat(d.interval()).hasValueSatisfying(ci -> {
            assertThat(ci.low()).isZero();
            assertThat(ci.high()).isZero();
            assertThat(ci.degreesOfFreedom()).isEqualTo(3.0);
        });
    }

    @Test
    void aGroupOfOneHasNoInterval() {
        GroupDifference d = GroupComparison.difference(X, new double[] {1}, new double[] {4, 5, 6});
        assertThat(d.difference()).isEqualTo(4.0);
        assertThat(d.a().sd()).isNaN();
        assertThat(d.interval()).isEmpty();
    }

    @Test
    void twoRecordingsGiveLaterMinusEarlierAndNaNWhereOneLacksTheVariable() {
        ComputedVariables before = new ComputedVariables(
                List.of(new DerivedVariable(3, "SDTC (ms)", 0.40), new DerivedVariable(4, "Rheobase (mA)", 3.0)),
                Map.of("TEd20(10-20ms)", 60.0));
        ComputedVariables after = new ComputedVariables(
                List.of(new DerivedVariable(3, "SDTC (ms)", 0.45), new DerivedVariable(5, "TEd(10-20ms)", 70.0)),
                Map.of("TEd20(10-20ms)", 55.0));
        List<PairedChange> changes = Longitudinal.change(before, after);
        assertThat(changes).extracting(c -> c.variable().key()).containsExactly("#3", "#4", "#5", "TEd20(10-20ms)");
        assertThat(changes.get(0).difference()).isCloseTo(0.05, within(1e-12));
        assertThat(changes.get(1).later()).isNaN();
        assertThat(changes.get(1).difference()).isNaN();
        assertThat(changes.get(2).earlier()).isNaN();
        assertThat(changes.get(3).difference()).isEqualTo(-5.0);
    }

    @Test
    void aPairedSeriesUsesOnlyPairsWithBothValues() {
        ComputedVariables a1 = vars(1.0);
        ComputedVariables b1 = vars(2.0);
        ComputedVariables a2 = vars(1.0);
        ComputedVariables b2 = vars(4.0);
        ComputedVariables a3 = vars(Double.NaN);
        ComputedVariables b3 = vars(100.0);
        List<PairedSummary> s = Longitudinal.pairedSeries(List.of(new Longitudinal.Pair(a1, b1),
                new Longitudinal.Pair(a2, b2), new Longitudinal.Pair(a3, b3)));
        assertThat(s).hasSize(1);
        assertThat(s.get(0).n()).isEqualTo(2);
        assertThat(s.get(0).meanDifference()).isEqualTo(2.0);
        // d = 1, 3: SD sqrt(2), SE 1, t(0.975, 1) = 12.706205
        assertThat(s.get(0).interval()).hasValueSatisfying(ci -> {
            assertThat(ci.low()).isCloseTo(2 - 12.706205, within(1e-5));
            assertThat(ci.high()).isCloseTo(2 + 12.706205, within(1e-5));
        });
    }

    @Test
    void emptyInputsAreRefused() {
        assertThatThrownBy(() -> Longitudinal.pairedSeries(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupComparison.compare(List.of(), List.of(vars(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 in A");
    }

    private static ComputedVariables vars(double sdtc) {
        return new ComputedVariables(List.of(new DerivedVariable(3, "SDTC (ms)", sdtc)), Map.of());
    }
}
