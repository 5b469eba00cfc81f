package org.excitrack.tracking.tms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogAmplitudeRegressionTest {
    private static final LogAmplitudeRegression TANKISI = LogAmplitudeRegression.tankisi(200);

    /** MEPs exactly on a line of a decade per 18 % of {@code threshold}. */
    private static double onTheLine(int x, double threshold) {
        return 200 * Math.pow(10, (x - threshold) / (0.18 * threshold));
    }

    @Test
    void pointsOnThePriorLineGiveItsThresholdAndSlope() {
        List<MsoPoint> points = List.of(new MsoPoint(45, onTheLine(45, 47.3)), new MsoPoint(47, onTheLine(47, 47.3)),
                new MsoPoint(48, onTheLine(48, 47.3)), new MsoPoint(50, onTheLine(50, 47.3)));
        TrackedThreshold t = TANKISI.estimate(points).orElseThrow();
        assertThat(t.thresholdPercentMso()).isCloseTo(47.3, within(0.01));
        assertThat(t.slopeDecadesPerPercentMso()).isCloseTo(1 / (0.18 * 47.3), within(1e-4));
        assertThat(t.pointsUsed()).isEqualTo(4);
    }

    @Test
    void onePointIsReadAlongThePriorSlope() {
        // 2 mV is a decade above 0.2 mV: T = 50 − 0.18·T, so T = 50 / 1.18
        TrackedThreshold t = TANKISI.estimate(List.of(new MsoPoint(50, 2_000))).orElseThrow();
        assertThat(t.thresholdPercentMso()).isCloseTo(50 / 1.18, within(0.01));
        // 20 mV says no more than 2 mV: a decade is the most one MEP moves the estimate
        assertThat(TANKISI.estimate(List.of(new MsoPoint(50, 20_000))).orElseThrow().thresholdPercentMso())
                .isCloseTo(50 / 1.18, within(0.01));
        // nothing at all reads as a decade below: T = 50 + 0.18·T
        assertThat(TANKISI.estimate(List.of(new MsoPoint(50, 0))).orElseThrow().thresholdPercentMso())
                .isCloseTo(50 / 0.82, within(0.01));
    }

    @Test
    void theSlopeIsARidgeBetweenTheDataAndThePrior() {
        // two points a decade apart over 4 %MSO: the data slope is 0.25 decades/%MSO
        List<MsoPoint> points = List.of(new MsoPoint(48, 100), new MsoPoint(52, 1_000));
        TrackedThreshold t = TANKISI.estimate(points).orElseThrow();
        // by hand: x̄ = 50, ȳ = 2.5, Sxx = 8, Sxy = 2; b = (2 + 100·b₀)/108, b₀ = 1/(0.18·T); T = 50 + (2.301 − 2.5)/b
        double threshold = 50;
        double slope = 0;
        for (int i = 0; i < 50; i++) {
            slope = (2 + 100 / (0.18 * threshold)) / 108;
            threshold = 50 + (Math.log10(200) - 2.5) / slope;
        }
        assertThat(t.slopeDecadesPerPercentMso()).isCloseTo(slope, within(2e-3));
        assertThat(t.thresholdPercentMso()).isCloseTo(threshold, within(0.05));
        assertThat(t.standardErrorPercentMso()).isPositive();
    }

    @Test
    void moreScatterMeansALargerStandardError() {
        List<MsoPoint> tight = List.of(new MsoPoint(46, 150), new MsoPoint(47, 210), new MsoPoint(48, 260),
                new MsoPoint(47, 190), new MsoPoint(46, 140), new MsoPoint(48, 280));
        List<MsoPoint> loose = List.of(new MsoPoint(46, 40), new MsoPoint(47, 900), new MsoPoint(48, 90),
                new MsoPoint(47, 60), new MsoPoint(46, 700), new MsoPoint(48, 1_500));
        assertThat(TANKISI.estimate(loose).orElseThrow().standardErrorPercentMso())
                .isGreaterThan(2 * TANKISI.estimate(tight).orElseThrow().standardErrorPercentMso());
        assertThat(TANKISI.estimate(List.of())).isEmpty();
    }
}
