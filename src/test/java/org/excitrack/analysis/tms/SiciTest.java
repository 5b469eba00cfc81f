package org.excitrack.analysis.tms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiciTest {

    @Test
    void thresholdTrackingSiciIsTheRelativeThresholdRise() {
        Map<Double, Double> conditioned = new LinkedHashMap<>();
        conditioned.put(7.0, 51.0);
        conditioned.put(1.0, 55.0);
        conditioned.put(2.5, 56.0);
        conditioned.put(3.5, 54.0);
        conditioned.put(10.0, 45.0);
        SiciProfile sici = ThresholdTrackingSici.of(50, conditioned);
        assertThat(sici.percentByIsiMillis()).containsExactly(Map.entry(1.0, 10.0), Map.entry(2.5, 12.0),
                Map.entry(3.5, 8.0), Map.entry(7.0, 2.0), Map.entry(10.0, -10.0));
        assertThat(sici.averaged1To7Millis().getAsDouble()).isCloseTo((10 + 12 + 8 + 2) / 4.0, within(1e-12));
        assertThat(sici.averaged1To3p5Millis().getAsDouble()).isCloseTo(10, within(1e-12));
        assertThat(ThresholdTrackingSici.of(50, Map.of(10.0, 45.0)).averaged1To7Millis()).isEmpty();
    }

    @Test
    void serialTrackingTakesEachIntervalsOwnTestAlone() {
        SiciProfile sici = ThresholdTrackingSici.of(Map.of(1.0, 40.0, 3.0, 50.0), Map.of(1.0, 44.0, 3.0, 60.0));
        assertThat(sici.percentByIsiMillis()).containsExactly(Map.entry(1.0, 10.0), Map.entry(3.0, 20.0));
        assertThatThrownBy(() -> ThresholdTrackingSici.of(Map.of(1.0, 40.0), Map.of(2.0, 44.0)))
                .hasMessageContaining("no test-alone threshold for ISI 2.0 ms");
    }

    @Test
    void amplitudeSiciUsesGeometricMeans() {
        // test alone: geometric mean of 100, 400 and 1600 is 400; at 2.5 ms: of 50, 200 and 800, 200 → 50 %
        Map<Double, double[]> conditioned = Map.of(2.5, new double[] {50, 200, 800}, 10.0, new double[] {600, 600});
        SiciProfile sici = AmplitudeSici.of(new double[] {100, 400, 1_600}, conditioned);
        assertThat(sici.percentByIsiMillis().get(2.5)).isCloseTo(50, within(1e-9));
        assertThat(sici.percentByIsiMillis().get(10.0)).isCloseTo(-50, within(1e-9));
        assertThatThrownBy(() -> AmplitudeSici.of(new double[] {100, 0}, conditioned)).hasMessageContaining("0.0 µV");
        assertThatThrownBy(() -> AmplitudeSici.of(new double[] {}, conditioned)).hasMessageContaining("no MEPs");
    }

    @Test
    void silentPeriodsAreSummarised() {
        SilentPeriodSummary summary = SilentPeriodSummary.of(new double[] {110, 90, 130, 100});
        assertThat(summary.trials()).isEqualTo(4);
        assertThat(summary.meanMillis()).isCloseTo(107.5, within(1e-12));
        assertThat(summary.medianMillis()).isCloseTo(105, within(1e-12));
        assertThat(summary.sdMillis()).isCloseTo(Math.sqrt((6.25 + 306.25 + 506.25 + 56.25) / 3), within(1e-9));
        assertThat(summary.minMillis()).isEqualTo(90);
        assertThat(summary.maxMillis()).isEqualTo(130);
        assertThat(SilentPeriodSummary.of(new double[] {80}).sdMillis()).isNaN();
        assertThatThrownBy(() -> SilentPeriodSummary.of(new double[] {})).isInstanceOf(IllegalArgumentException.class);
    }
}
