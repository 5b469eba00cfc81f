package org.excitrack.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TrackerKindTest {

    @Test
    void idsAreStableAndRoundTrip() {
        assertThat(TrackerKind.EXCITRACK.id()).isEqualTo("excitrack-regression-1");
        assertThat(TrackerKind.QTRAC.id()).isEqualTo("qtrac-proportional-1");
        for (TrackerKind k : TrackerKind.values()) {
            assertThat(TrackerKind.fromId(k.id())).isSameAs(k);
        }
        assertThatThrownBy(() -> TrackerKind.fromId("qtrac"))
                .hasMessage("unknown tracker \"qtrac\"; known: excitrack-regression-1, qtrac-proportional-1");
    }

    @Test
    void createsTheTrackerOfItsKindWithTheWarmStartAndBudget() {
        List<StimulusResponsePoint> prior = List.of(new StimulusResponsePoint(4_000_000, 3_000));
        TrackingGoal goal = new TrackingGoal(0.02, 7);

        Tracker excitrack = TrackerKind.EXCITRACK.create(3_200, 4_100_000, prior, CurvePrior.typicalNerve(8_000),
                goal);
        Tracker qtrac = TrackerKind.QTRAC.create(3_200, 4_100_000, prior, CurvePrior.typicalNerve(8_000), goal);

        assertThat(excitrack).isInstanceOf(RegressionTracker.class);
        assertThat(excitrack.kind()).isEqualTo(TrackerKind.EXCITRACK);
        assertThat(excitrack.curvePrior()).isEqualTo(CurvePrior.typicalNerve(8_000));
        assertThat(qtrac).isInstanceOf(ProportionalTracker.class);
        assertThat(qtrac.curvePrior()).as("QTRAC uses its fixed assumed slope").isEqualTo(CurvePrior.NONE);
        for (Tracker t : List.of(excitrack, qtrac)) {
            assertThat(t.nextStimulusNanoamps()).isEqualTo(4_100_000);
            assertThat(t.points()).containsExactlyElementsOf(prior);
            for (int i = 0; i < 7; i++) {
                t.record(4_100_000, 0);
            }
            assertThat(t.isExhausted()).isTrue();
        }
    }

    @Test
    void aTrackingGoalNeedsAPositiveErrorAndAStimulus() {
        assertThatThrownBy(() -> new TrackingGoal(0, 30)).hasMessage("a tracking goal needs a relative error above "
                + "zero (got 0.0) and at least one stimulus (got 30)");
        assertThatThrownBy(() -> new TrackingGoal(0.01, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TrackingGoal.defaults()).isEqualTo(new TrackingGoal(0.01, 30));
    }

    /**
     * A recording keeps each condition's points and the curve prior its tracker started with; re-analysis must
     * give back exactly the estimate the tracker reported, whatever the kind, warm start or nerve.
     */
    @Property(tries = 60, seed = "1729")
    void recomputingFromTheStoredPointsGivesTheTrackersEstimate(@ForAll @LongRange(min = 1, max = 10_000) long seed) {
        SyntheticNerve nerve = SyntheticNerve.typical(seed, 0.015, 30);
        MaximalResponseSearch search = new MaximalResponseSearch(1_000_000, 100_000_000, 100);
        for (OptionalLong s = search.nextStimulusNanoamps(); s.isPresent(); s = search.nextStimulusNanoamps()) {
            search.record(s.getAsLong(), nerve.respond(s.getAsLong(), SyntheticNerve.Condition.TEST_ALONE));
        }
        double target = 0.4 * search.maximalResponseMicrovolts();
        long start = CurveInterpolation.stimulusFor(search.allPoints(), target).orElseThrow();
        SyntheticNerve.Condition shifted = new SyntheticNerve.Condition(seed % 3 == 0 ? 0.7 : 1.1, 1);
        for (TrackerKind kind : TrackerKind.values()) {
            CurvePrior typical = CurvePrior.typicalNerve(search.maximalResponseMicrovolts());
            for (CurvePrior prior : List.of(CurvePrior.NONE, typical)) {
                List<StimulusResponsePoint> samePoints = seed % 2 == 0 ? search.allPoints() : List.of();
                Tracker t = kind.create(target, start, samePoints, prior, TrackingGoal.defaults());
                while (!t.isDone()) {
                    long s = t.nextStimulusNanoamps();
                    t.record(s, nerve.respond(s, samePoints.isEmpty() ? shifted : SyntheticNerve.Condition.TEST_ALONE));
                }

                assertThat(kind.recompute(t.points(), target, t.curvePrior())).isEqualTo(t.estimate());
            }
        }
    }

    // --- Excitrack's warm start ---

    @Test
    void withACurvePriorExcitrackConvergesFromTwentyPercentOffInFewerStimuli() {
        int cold = 0;
        int warm = 0;
        List<Double> warmErrors = new ArrayList<>();
        for (long seed = 1; seed <= 200; seed++) {
            double target = 3_200;
            SyntheticNerve a = SyntheticNerve.typical(seed, 0.015, 30);
            SyntheticNerve b = SyntheticNerve.typical(seed, 0.015, 30);
            double truth = a.thresholdNanoamps(target, SyntheticNerve.Condition.TEST_ALONE);
            long start = Math.round(truth * (seed % 2 == 0 ? 0.8 : 1.2));
            Tracker coldTracker = TrackerKind.EXCITRACK.create(target, start, List.of(), CurvePrior.NONE,
                    TrackingGoal.defaults());
            Tracker warmTracker = TrackerKind.EXCITRACK.create(target, start, List.of(), CurvePrior.typicalNerve(8_000),
                    TrackingGoal.defaults());
            for (Tracker t : List.of(coldTracker, warmTracker)) {
                SyntheticNerve nerve = t == coldTracker ? a : b;
                while (!t.isDone()) {
                    long s = t.nextStimulusNanoamps();
                    t.record(s, nerve.respond(s, SyntheticNerve.Condition.TEST_ALONE));
                }
            }
            assertThat(warmTracker.isConverged()).as("seed %d", seed).isTrue();
            warmErrors.add(Math.abs(warmTracker.estimate().orElseThrow().thresholdNanoamps() / truth - 1));
            cold += coldTracker.stimuliGiven();
            warm += warmTracker.stimuliGiven();
        }

        // measured over seeds 1..200: 4.9 against 7.8 stimuli on average, median |error| 0.52 %, worst 2.9 %
        assertThat(warm).isLessThan(cold * 3 / 4);
        assertThat(Quantiles.of(warmErrors, 0.5)).isLessThan(0.008);
        assertThat(Quantiles.of(warmErrors, 1)).isLessThan(0.04);
        System.out.printf("Excitrack from 20 %% off, 200 seeds: %.1f stimuli with a curve prior, %.1f without; "
                        + "|error| median %.2f %%, worst %.2f %%%n", warm / 200.0, cold / 200.0,
                100 * Quantiles.of(warmErrors, 0.5), 100 * Quantiles.of(warmErrors, 1));
    }

    @Test
    void farFromTheTargetExcitrackReadsTheResponseThroughTheWholeCurve() {
        // slope 8 at a 40 % target: steepness h = 8 / 0.6; a response under 2 % of the maximum reads as 2 %
        double h = 8 / 0.6;
        Tracker t = TrackerKind.EXCITRACK.create(3_200, 4_000_000, List.of(), CurvePrior.typicalNerve(8_000),
                TrackingGoal.defaults());

        t.record(4_000_000, 0);
        assertThat((double) t.nextStimulusNanoamps())
                .isCloseTo(4_000_000 * Math.exp((Math.log(49) - Math.log(1.5)) / h), within(1.0));

        t.record(4_000_000, 7_990); // nearly maximal: read as 98 %
        assertThat((double) t.nextStimulusNanoamps())
                .isCloseTo(4_000_000 * Math.exp((Math.log(1 / 49.0) - Math.log(1.5)) / h), within(1.0));

        t.record(4_000_000, 0.75 * 8_000); // 75 %, outside the band: where the curve through it crosses 40 %
        assertThat((double) t.nextStimulusNanoamps())
                .isCloseTo(4_000_000 * Math.exp((Math.log(1 / 3.0) - Math.log(1.5)) / h), within(1.0));
    }
}
