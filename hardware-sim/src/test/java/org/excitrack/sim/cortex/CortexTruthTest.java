package org.excitrack.sim.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CortexTruthTest {
    private static Cortex healthyCortex;
    private static CortexTruth healthy;
    private static CortexTruth als;
    private static Map<Double, Double> healthySici;

    @BeforeAll
    static void computeTruth() {
        healthyCortex = new Cortex(CortexParameters.healthy());
        healthy = new CortexTruth(healthyCortex);
        als = CortexTruth.of(CortexParameters.als());
        healthySici = healthy.siciByIsi();
    }

    @Test
    void healthyRestingMotorThresholdIsInTheUsualRange() {
        assertThat(healthy.restingMotorThresholdPercent()).isBetween(40.0, 55.0);
        assertThat(healthyCortex.medianMepMillivolts(healthy.restingMotorThresholdPercent()))
                .isCloseTo(0.2, within(1e-6));
        assertThat(healthy.ifcnRestingMotorThresholdPercent()).isLessThan(healthy.restingMotorThresholdPercent());
        assertThat(als.restingMotorThresholdPercent()).isLessThan(healthy.restingMotorThresholdPercent());
    }

    @Test
    void aTenFoldAmplitudeFallIsAboutAnEighteenPercentThresholdRise() {
        // Tankisi 2021: the local slope of the curve at the 0.2 mV target, which sets how T-SICI maps to A-SICI.
        double rmt = healthy.restingMotorThresholdPercent();
        double step = 0.01 * rmt;
        double decadesPerPercentMso = (Math.log10(healthyCortex.medianMepMillivolts(rmt + step))
                - Math.log10(healthyCortex.medianMepMillivolts(rmt - step))) / (2 * step);
        assertThat(100 / (decadesPerPercentMso * rmt)).isBetween(14.0, 22.0);
    }

    @Test
    void siciTruthAtEveryStandardIsiMatchesABruteForceSearch() {
        double rmt = healthy.restingMotorThresholdPercent();
        double conditioning = 0.7 * rmt;
        for (Map.Entry<Double, Double> entry : healthySici.entrySet()) {
            double isi = entry.getKey();
            double conditioned = scanForThreshold(isi, conditioning);
            double bruteForceSici = 100 * (conditioned - rmt) / rmt;
            assertThat(entry.getValue()).as("ISI %s ms", isi).isCloseTo(bruteForceSici, within(0.01));
        }
    }

    @Test
    void healthyAveragedSiciIsTenToFifteenPercentAndAlsIsReduced() {
        double healthyAverage = healthy.averagedSici();
        double alsAverage = als.averagedSici();
        assertThat(healthyAverage).isBetween(10.0, 15.0);
        assertThat(alsAverage).isBetween(0.0, 6.0).isBetween(2.0, 5.0);
        assertThat(healthyAverage).isGreaterThan(alsAverage + 5);
        assertThat(healthySici).containsOnlyKeys(CortexTruth.SICI_ISIS_MILLIS);
        assertThat(healthySici.values()).allSatisfy(sici -> assertThat(sici).isPositive());
    }

    @Test
    void siciHasAnEarlyAndALatePhase() {
        assertThat(healthySici.get(1.0)).isGreaterThan(healthySici.get(1.5));
        assertThat(healthySici.get(3.0)).isGreaterThan(healthySici.get(1.5));
        assertThat(healthySici.get(3.0)).isGreaterThan(healthySici.get(7.0));
    }

    @Test
    void siciIsDeepestAtModerateConditioningIntensities() {
        double weak = healthy.siciPercent(2.5, 50);
        double standard = healthy.siciPercent(2.5, 70);
        double optimal = healthy.siciPercent(2.5, 80);
        double strong = healthy.siciPercent(2.5, 100);
        assertThat(standard).isGreaterThan(weak);
        assertThat(optimal).isGreaterThan(standard);
        assertThat(strong).isLessThan(optimal);
    }

    @Test
    void intracorticalFacilitationLowersTheThresholdAtTenToFifteenMilliseconds() {
        for (double isi : new double[] {10, 12, 15}) {
            assertThat(healthy.siciPercent(isi, 70)).as("ISI %s ms", isi).isLessThan(-2);
        }
        assertThat(healthy.siciPercent(12, 70)).isLessThan(-5);
    }

    @Test
    void shortIntervalIWaveFacilitationAppearsWithANearThresholdFirstPulse() {
        assertThat(healthy.siciPercent(1.5, 95)).isLessThan(-5);
        assertThat(healthy.siciPercent(1.5, 95)).isLessThan(healthy.siciPercent(2.2, 95));
    }

    @Test
    void longIntervalInhibitionNeedsASuprathresholdConditioningPulse() {
        assertThat(healthy.siciPercent(100, 120)).isGreaterThan(15);
        assertThat(healthy.siciPercent(200, 120)).isGreaterThan(5);
        assertThat(healthy.siciPercent(100, 70)).isCloseTo(0, within(1.0));
    }

    @Test
    void afferentInhibitionAtTwentyMillisecondsGrowsWithTheRecruitedFraction() {
        assertThat(healthy.saiPercent(20, 0)).isCloseTo(0, within(1e-6));
        double quarter = healthy.saiPercent(20, 0.25);
        double half = healthy.saiPercent(20, 0.5);
        double all = healthy.saiPercent(20, 1.0);
        assertThat(quarter).isPositive();
        assertThat(half).isGreaterThan(quarter);
        assertThat(all).isGreaterThan(half).isGreaterThan(8);
        assertThat(healthy.saiPercent(40, 1.0)).isLessThan(1);
    }

    /** The conditioned threshold by stepping the test output up a grid, 0.1 then 0.001 %MSO: no bisection. */
    private static double scanForThreshold(double isiMillis, double conditioningPercent) {
        double s = 30;
        while (healthyCortex.medianMepMillivolts(CortexTrial.paired(conditioningPercent, s, isiMillis)) < 0.2) {
            s += 0.1;
        }
        double fine = s - 0.1;
        while (healthyCortex.medianMepMillivolts(CortexTrial.paired(conditioningPercent, fine, isiMillis)) < 0.2) {
            fine += 0.001;
        }
        return fine - 0.0005;
    }
}
