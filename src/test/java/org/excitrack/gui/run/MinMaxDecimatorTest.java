package org.excitrack.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinMaxDecimatorTest {
    @Test
    void aSpikeOfOneSampleSurvivesTenThousandSamplesIntoFiveHundredColumns() {
        double[] sweep = new double[10_000];
        sweep[4_321] = -2_500; // a CMAP's negative peak, one sample wide
        sweep[7_000] = 900;
        MinMaxDecimator d = new MinMaxDecimator(4096);
        int cols = d.evenly(sweep, sweep.length, 500);
        assertThat(cols).isEqualTo(500);
        double lowest = 0;
        double highest = 0;
        for (int c = 0; c < cols; c++) {
            lowest = Math.min(lowest, d.min(c));
            highest = Math.max(highest, d.max(c));
        }
        assertThat(lowest).isEqualTo(-2_500);
        assertThat(highest).isEqualTo(900);
        assertThat(d.min(4_321 * 500 / 10_000)).isEqualTo(-2_500);
    }

    @ParameterizedTest(name = "{0} samples into {1} columns fill {2}")
    @CsvSource({"10, 500, 10", "500, 500, 500", "10000, 640, 640", "0, 100, 0", "100, 0, 0", "100, 9000, 100"})
    void fillsAtMostOneColumnPerSample(int samples, int columns, int filled) {
        MinMaxDecimator d = new MinMaxDecimator(4096);
        double[] v = new double[samples];
        for (int i = 0; i < samples; i++) {
            v[i] = i;
        }
        int cols = d.evenly(v, samples, columns);
        assertThat(cols).isEqualTo(filled);
        for (int c = 0; c < cols; c++) {
            assertThat(d.min(c)).isLessThanOrEqualTo(d.max(c));
        }
    }

    @Test
    void pointsAtAnyXFallInTheirColumnAndGapsStayEmpty() {
        MinMaxDecimator d = new MinMaxDecimator(4096);
        double[] x = {0, 1, 2, 50, 51, 99, 150};
        double[] y = {5, 7, 6, 3, 4, 9, 1};
        int cols = d.byX(x, y, x.length, 0, 100, 10);
        assertThat(cols).isEqualTo(10);
        assertThat(d.min(0)).isEqualTo(5);
        assertThat(d.max(0)).isEqualTo(7);
        assertThat(d.min(5)).isEqualTo(3);
        assertThat(d.max(5)).isEqualTo(4);
        assertThat(d.max(9)).isEqualTo(9);
        assertThat(d.min(3)).as("no point there").isNaN();
    }
}
