package org.excitrack.tracking.tms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class GaussianTest {
    private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);

    @Test
    void theDistributionFunctionMatchesCommonsMathWhereBothAreAccurate() {
        for (double z = -8; z <= 8; z += 0.0625) {
            double reference = STANDARD.cumulativeProbability(z);
            assertThat(Gaussian.cdf(z)).as("Φ(%s)", z).isCloseTo(reference, within(1e-14 + 1e-11 * reference));
            assertThat(Gaussian.density(z)).isCloseTo(STANDARD.density(z), within(1e-15));
        }
    }

    @Test
    void erfcIsAccurateOnBothSidesOfTheSwitch() {
        for (double x = 0; x <= 6; x += 0.03125) {
            double reference = Erf.erfc(x);
            assertThat(Math.exp(Gaussian.logErfc(x))).as("erfc(%s)", x).isCloseTo(reference, within(1e-11 * reference));
        }
    }

    @Test
    void theLogOfTheTailStaysFiniteAndFollowsTheAsymptote() {
        for (double z : new double[] {-10, -20, -40, -100}) {
            // ln Φ(z) = −z²/2 − ln(−z) − ln √(2π) + ln(1 − 1/z² + 3/z⁴ − …)
            double asymptote = -0.5 * z * z - Math.log(-z) - 0.5 * Math.log(2 * Math.PI)
                    + Math.log(1 - 1 / (z * z) + 3 / Math.pow(z, 4) - 15 / Math.pow(z, 6));
            assertThat(Gaussian.logCdf(z)).as("ln Φ(%s)", z).isCloseTo(asymptote, within(1e-6));
        }
        assertThat(Gaussian.logCdf(40)).isEqualTo(0.0);
    }
}
