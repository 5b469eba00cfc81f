package org.excitrack.tracking.tms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MsoThresholdTrackerTest {
    private static final LogAmplitudeRegression REGRESSION = LogAmplitudeRegression.tankisi(200);

    /** A 0.2 mV threshold at {@code t} %MSO, a decade per 15 % of it, MEPs scattered by the excitability jitter. */
    private static double mep(int x, double t, Random random) {
        return 200 * Math.pow(10, (x + 3.5 * random.nextGaussian() - t) / (0.15 * t));
    }

    @Test
    void stepsAtMostTheMaximumStepAndSettlesAtTheThreshold() {
        MsoThresholdTracker tracker = new MsoThresholdTracker(REGRESSION, 40, MsoThresholdTracker.Settings.standard());
        Random random = new Random(1);
        int previous = 40;
        double sum = 0;
        for (int i = 0; i < 40; i++) {
            int x = tracker.nextIntensityPercentMso().getAsInt();
            assertThat(Math.abs(x - previous)).isLessThanOrEqualTo(4);
            tracker.record(x, mep(x, 52, random));
            previous = x;
            if (i >= 20) {
                sum += tracker.estimate().orElseThrow().thresholdPercentMso();
            }
        }
        assertThat(sum / 20).isCloseTo(52, within(2.0));
        assertThat(tracker.recentPoints()).hasSize(8);
        assertThat(tracker.points()).hasSize(40);
        assertThat(tracker.estimate().orElseThrow().pointsUsed()).isEqualTo(8);
    }

    @Test
    void aThresholdBeyondTheMaximumStopsTheTrackerInsteadOfClampingIt() {
        MsoThresholdTracker tracker = new MsoThresholdTracker(REGRESSION, 58,
                MsoThresholdTracker.Settings.standard().withMaxIntensityPercentMso(60));
        Random random = new Random(2);
        while (tracker.nextIntensityPercentMso().isPresent() && tracker.stimuliGiven() < 20) {
            int x = tracker.nextIntensityPercentMso().getAsInt();
            assertThat(x).isLessThanOrEqualTo(60);
            tracker.record(x, mep(x, 75, random));
        }
        assertThat(tracker.isBeyondMaximum()).isTrue();
        assertThat(tracker.nextIntensityPercentMso()).isEmpty();
    }
}
