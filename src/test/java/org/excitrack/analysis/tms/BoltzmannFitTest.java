package org.excitrack.analysis.tms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoltzmannFitTest {
    private static final double[] X = {30, 35, 40, 42, 44, 46, 48, 50, 52, 55, 60, 65, 70, 80, 90};

    @Test
    void pointsOnACurveGiveItsParametersBack() {
        double[] y = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            y[i] = 3_000 / (1 + Math.exp((57.5 - X[i]) / 6.2));
        }
        BoltzmannCurve curve = BoltzmannFit.fit(X, y);
        assertThat(curve.mepMaxMicrovolts()).isCloseTo(3_000, within(1e-3));
        assertThat(curve.s50PercentMso()).isCloseTo(57.5, within(1e-6));
        assertThat(curve.slopePercentMso()).isCloseTo(6.2, within(1e-6));
        assertThat(curve.s50StandardErrorPercentMso()).isLessThan(1e-6);
        assertThat(curve.mepMicrovoltsAt(57.5)).isCloseTo(1_500, within(1e-3));
        assertThat(curve.peakSlopeMicrovoltsPerPercentMso()).isCloseTo(3_000 / (4 * 6.2), within(1e-3));
    }

    /**
     * Reference values from SciPy 1.17 {@code curve_fit} (Levenberg–Marquardt, p0 = [2600, 50, 5], standard errors
     * from the covariance scaled by SSE/(n − 3)) on these points, a 2.5 mV curve (S50 52, k 4.5) with noise added.
     */
    @Test
    void noisyPointsGiveTheSameFitAsAnIndependentImplementation() {
        double[] y = {5.2, 157.0, 92.7, 223.7, 355.4, 462.2, 618.9, 1028.6, 1278.9, 1495.7, 2326.4, 2445.7, 2394.2,
            2567.2, 2462.1};
        BoltzmannCurve curve = BoltzmannFit.fit(X, y);
        // both stop when a step changes the parameters by ~1e-8 relative: agreement to 1e-6 relative is the match
        assertThat(curve.mepMaxMicrovolts()).isCloseTo(2518.984907462, within(2518.98 * 1e-6));
        assertThat(curve.s50PercentMso()).isCloseTo(52.1607211896, within(52.16 * 1e-6));
        assertThat(curve.slopePercentMso()).isCloseTo(4.223924682, within(4.22 * 1e-6));
        assertThat(curve.mepMaxStandardErrorMicrovolts()).isCloseTo(49.648533595, within(49.65 * 1e-5));
        assertThat(curve.s50StandardErrorPercentMso()).isCloseTo(0.3888316216, within(0.389 * 1e-5));
        assertThat(curve.slopeStandardErrorPercentMso()).isCloseTo(0.3241138554, within(0.324 * 1e-5));
        assertThat(curve.points()).isEqualTo(15);
    }

    @Test
    void tooFewOrDegeneratePointsAreRefused() {
        assertThatThrownBy(() -> BoltzmannFit.fit(new double[] {40, 50, 60}, new double[] {10, 500, 1_000}))
                .hasMessageContaining("at least 4");
        assertThatThrownBy(() -> BoltzmannFit.fit(new double[] {50, 50, 50, 50}, new double[] {10, 20, 30, 40}))
                .hasMessageContaining("no curve");
        assertThatThrownBy(() -> BoltzmannFit.fit(new double[] {40, 50}, new double[] {10}))
                .hasMessageContaining("2 outputs but 1 MEPs");
    }
}
