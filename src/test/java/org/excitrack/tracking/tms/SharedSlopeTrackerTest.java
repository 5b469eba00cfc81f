package org.excitrack.tracking.tms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SharedSlopeTrackerTest {
    private static final SharedSlopeRegression REGRESSION = SharedSlopeRegression.standard(200);

    /** A 0.2 mV threshold at {@code t} %MSO, a decade per {@code decade} %MSO, MEPs scattered by excitability jitter. */
    private static double mep(int x, double t, double decade, Random random) {
        return 200 * Math.pow(10, (x + 3.5 * random.nextGaussian() - t) / decade);
    }

    @Test
    void withoutScatterTheSharedSlopeAndEveryChannelsThresholdAreRecoveredExactly() {
        // Three channels on one straight recruitment line (a decade per 8 %MSO), shifted by 0, +5 and +9 %MSO.
        double[] thresholds = {48, 53, 57};
        List<List<MsoPoint>> channels = new ArrayList<>();
        for (double t : thresholds) {
            List<MsoPoint> points = new ArrayList<>();
            for (int x = (int) t - 3; x <= (int) t + 3; x++) {
                points.add(new MsoPoint(x, 200 * Math.pow(10, (x - t) / 8)));
            }
            channels.add(points);
        }
        List<Optional<TrackedThreshold>> e = new SharedSlopeRegression(200, 0.18, 1e-9, Double.POSITIVE_INFINITY)
                .estimate(channels);
        for (int c = 0; c < thresholds.length; c++) {
            assertThat(e.get(c).orElseThrow().thresholdPercentMso()).isCloseTo(thresholds[c], within(1e-6));
            assertThat(e.get(c).orElseThrow().slopeDecadesPerPercentMso()).isCloseTo(1.0 / 8, within(1e-9));
        }
    }

    @Test
    void aChannelWithoutMepsHasNoEstimateAndTheOthersStillHave() {
        List<Optional<TrackedThreshold>> e = REGRESSION.estimate(List.of(List.of(), List.of(new MsoPoint(50, 200))));
        assertThat(e.get(0)).isEmpty();
        assertThat(e.get(1).orElseThrow().thresholdPercentMso()).isCloseTo(50, within(1e-6));
        assertThat(REGRESSION.estimate(List.of(List.of(), List.of()))).containsExactly(Optional.empty(),
                Optional.empty());
    }

    @Test
    void theSlopeLearntFromTheWholeBlockMakesAFarMepInformative() {
        // The reference's MEPs (within the decade either side of the target that is read) fix the slope, a decade
        // per 6 %MSO, far from the prior's ≈ 9; one MEP a decade below target at 44 %MSO then places the other
        // channel's threshold one slope-decade above it.
        List<MsoPoint> reference = new ArrayList<>();
        for (int x = 45; x <= 55; x++) {
            reference.add(new MsoPoint(x, 200 * Math.pow(10, (x - 50) / 6.0)));
        }
        List<Optional<TrackedThreshold>> e = new SharedSlopeRegression(200, 0.18, 1e-9, Double.POSITIVE_INFINITY)
                .estimate(List.of(reference, List.of(new MsoPoint(44, 20))));
        assertThat(e.get(1).orElseThrow().thresholdPercentMso()).isCloseTo(50, within(1e-6));
        assertThat(LogAmplitudeRegression.tankisi(200).estimate(List.of(new MsoPoint(44, 20))).orElseThrow()
                .thresholdPercentMso()).as("alone, the prior slope reads it further").isGreaterThan(51);
        assertThat(e.get(1).orElseThrow().pointsUsed()).isEqualTo(1);
    }

    @Test
    void stepsAtMostTheMaximumStepAndEachChannelSettlesAtItsOwnThreshold() {
        SharedSlopeTracker tracker = new SharedSlopeTracker(REGRESSION, MsoThresholdTracker.Settings.standard());
        double[] truth = {46, 54};
        int test = tracker.addChannel(46);
        int conditioned = tracker.addChannel(46);
        Random random = new Random(3);
        int[] previous = {46, 46};
        for (int i = 0; i < 60; i++) {
            for (int c : new int[] {test, conditioned}) {
                int x = tracker.nextIntensityPercentMso(c).getAsInt();
                assertThat(Math.abs(x - previous[c])).isLessThanOrEqualTo(4);
                tracker.record(c, x, mep(x, truth[c], 8, random));
                previous[c] = x;
            }
        }
        for (int c : new int[] {test, conditioned}) {
            TrackedThreshold t = tracker.estimate(c).orElseThrow();
            assertThat(t.thresholdPercentMso()).isCloseTo(truth[c], within(1.5));
            assertThat(t.pointsUsed()).isEqualTo(60);
            assertThat(tracker.points(c)).hasSize(60);
        }
        assertThat(tracker.estimate(test).orElseThrow().slopeDecadesPerPercentMso()).isCloseTo(1.0 / 8, within(0.03));
    }

    @Test
    void aThresholdBeyondTheMaximumStopsThatChannelOnly() {
        SharedSlopeTracker tracker = new SharedSlopeTracker(REGRESSION,
                MsoThresholdTracker.Settings.standard().withMaxIntensityPercentMso(60));
        int test = tracker.addChannel(50);
        int conditioned = tracker.addChannel(58);
        Random random = new Random(4);
        for (int i = 0; i < 20 && tracker.nextIntensityPercentMso(conditioned).isPresent(); i++) {
            int x = tracker.nextIntensityPercentMso(test).getAsInt();
            tracker.record(test, x, mep(x, 50, 8, random));
            int y = tracker.nextIntensityPercentMso(conditioned).getAsInt();
            assertThat(y).isLessThanOrEqualTo(60);
            tracker.record(conditioned, y, mep(y, 75, 8, random));
        }
        assertThat(tracker.isBeyondMaximum(conditioned)).isTrue();
        assertThat(tracker.nextIntensityPercentMso(conditioned)).isEmpty();
        assertThat(tracker.isBeyondMaximum(test)).isFalse();
        assertThat(tracker.nextIntensityPercentMso(test)).isPresent();
    }
}
