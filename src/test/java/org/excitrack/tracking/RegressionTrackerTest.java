package org.excitrack.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

class RegressionTrackerTest {
    private static final RegressionTracker.Settings DEFAULTS = RegressionTracker.Settings.defaults();

    /**
     * A noisy nerve: a logistic recruitment curve (maximum {@code R_MAX} µV, half-maximal at {@code I50} nA,
     * spread {@code SPREAD} nA) whose threshold fluctuates from stimulus to stimulus by {@code jitter} (relative
     * SD, as axonal thresholds do), with additive Gaussian recording noise. Responses are clipped at zero like
     * the measured negative peak.
     */
    static final class SimulatedNerve implements LongToDoubleFunction {
        static final double R_MAX = 8_000;
        static final double I50 = 5_000_000;
        static final double SPREAD = 400_000;
        private final Random random;
        private final double noiseMicrovolts;
        private final double jitter;
        int stimuli;

        SimulatedNerve(long seed, double noiseMicrovolts, double jitter) {
            this.random = new Random(seed);
            this.noiseMicrovolts = noiseMicrovolts;
            this.jitter = jitter;
        }

        /** The stimulus that evokes {@code fraction} of the maximum on average over the jitter-free curve. */
        static double thresholdFor(double targetMicrovolts) {
            double f = targetMicrovolts / R_MAX;
            return I50 + SPREAD * Math.log(f / (1 - f));
        }

        @Override
        public double applyAsDouble(long nanoamps) {
            stimuli++;
            double i50 = I50 * Math.exp(jitter * random.nextGaussian());
            double r = R_MAX / (1 + Math.exp(-(nanoamps - i50) / SPREAD)) + noiseMicrovolts * random.nextGaussian();
            return Math.max(0, r);
        }
    }

    /** Tracks until converged or out of budget, as ThresholdService does. */
    private static RegressionTracker track(RegressionTracker tracker, LongToDoubleFunction nerve) {
        while (!tracker.isConverged() && !tracker.isExhausted()) {
            long stimulus = tracker.nextStimulusNanoamps();
            tracker.record(stimulus, nerve.applyAsDouble(stimulus));
        }
        return tracker;
    }

    private record Run(int stimuli, boolean converged, double relativeError) {
    }

    private static final int SEEDS = 200;
    private static final double NOISE = 60;      // µV, about 2 % of the 3.2 mV target
    private static final double JITTER = 0.01;   // 1 % threshold fluctuation

    /** Starting 20 % off the threshold (alternately below and above) with no prior points. */
    private static List<Run> coldStarts() {
        List<Run> runs = new ArrayList<>();
        for (int seed = 0; seed < SEEDS; seed++) {
            double target = 0.4 * SimulatedNerve.R_MAX;
            double truth = SimulatedNerve.thresholdFor(target);
            long start = Math.round(truth * (seed % 2 == 0 ? 0.8 : 1.2));
            RegressionTracker tracker = track(new RegressionTracker(target, start, List.of(), DEFAULTS),
                    new SimulatedNerve(seed, NOISE, JITTER));
            runs.add(new Run(tracker.stimuliGiven(), tracker.isConverged(),
                    tracker.estimate().map(e -> e.thresholdNanoamps() / truth - 1).orElse(Double.NaN)));
        }
        return runs;
    }

    /** The whole measurement: maximal response search, 40 % target, start interpolated, search points as prior. */
    private static List<Run> afterMaximalSearch() {
        List<Run> runs = new ArrayList<>();
        for (int seed = 0; seed < SEEDS; seed++) {
            SimulatedNerve nerve = new SimulatedNerve(seed, NOISE, JITTER);
            MaximalResponseSearch search = new MaximalResponseSearch(1_000_000, 50_000_000, 100);
            for (OptionalLong s = search.nextStimulusNanoamps(); s.isPresent(); s = search.nextStimulusNanoamps()) {
                search.record(s.getAsLong(), nerve.applyAsDouble(s.getAsLong()));
            }
            double target = 0.4 * search.maximalResponseMicrovolts();
            double truth = SimulatedNerve.thresholdFor(target);
            long start = CurveInterpolation.stimulusFor(search.allPoints(), target).orElseThrow();
            RegressionTracker tracker = track(new RegressionTracker(target, start, search.allPoints(), DEFAULTS),
                    nerve);
            runs.add(new Run(tracker.stimuliGiven(), tracker.isConverged(),
                    tracker.estimate().map(e -> e.thresholdNanoamps() / truth - 1).orElse(Double.NaN)));
        }
        return runs;
    }

    private static int max(List<Run> runs) {
        return runs.stream().mapToInt(Run::stimuli).max().orElseThrow();
    }

    private static int median(List<Run> runs) {
        return runs.stream().mapToInt(Run::stimuli).sorted().toArray()[runs.size() / 2];
    }

    // --- convergence against the simulated nerve ---

    @Test
    void fromAColdStartConvergesWithinTwoPercentOfTheTrueThreshold() {
        List<Run> runs = coldStarts();

        assertThat(runs).allSatisfy(r -> {
            assertThat(r.converged()).isTrue();
            assertThat(r.relativeError()).isCloseTo(0, within(0.02));
        });
        // measured over seeds 0..199: at most 13 stimuli, median 7
        assertThat(max(runs)).isLessThanOrEqualTo(14);
        assertThat(median(runs)).isLessThanOrEqualTo(7);
    }

    @Test
    void afterTheMaximalSearchConvergesWithinTwoPercentInFewStimuli() {
        List<Run> runs = afterMaximalSearch();

        assertThat(runs).allSatisfy(r -> {
            assertThat(r.converged()).isTrue();
            assertThat(r.relativeError()).isCloseTo(0, within(0.02));
        });
        // measured over seeds 0..199: median 4; at most 12 tracking stimuli since a curve found steeper than the
        // assumed slope is tracked inside its bracket (at most 8 before, when such curves could oscillate for ever)
        assertThat(max(runs)).isLessThanOrEqualTo(12);
        assertThat(median(runs)).isLessThanOrEqualTo(4);
    }

    @Test
    void aShallowEarlyFitDoesNotTrapTheTrackerOutsideTheBand() {
        // three near-target points that happen to lie on a very shallow line: the fit crosses the target far
        // above the true threshold (4 mA on a steep power law), where the responses are off the band
        double target = 3_200;
        List<StimulusResponsePoint> prior = List.of(new StimulusResponsePoint(3_900_000, 2_900),
                new StimulusResponsePoint(4_000_000, 2_950), new StimulusResponsePoint(4_100_000, 2_980));
        LongToDoubleFunction steep = i -> target * Math.pow(i / 4_000_000.0, 8);
        RegressionTracker tracker = new RegressionTracker(target, 4_000_000, prior, DEFAULTS);
        assertThat(tracker.estimate().orElseThrow().thresholdNanoamps()).as("the misleading first fit")
                .isGreaterThan(4_500_000);

        track(tracker, steep);

        assertThat(tracker.isConverged()).isTrue();
        assertThat(tracker.estimate().orElseThrow().thresholdNanoamps()).isCloseTo(4_000_000, within(80_000.0));
    }

    // --- the budget ---

    @Test
    void stopsAtTheBudgetWhenThePrecisionIsUnreachable() {
        double target = 3_200;
        RegressionTracker tracker = new RegressionTracker(target, 4_800_000, List.of(),
                DEFAULTS.withTargetRelativeError(1e-6).withMaxStimuli(12));
        SimulatedNerve nerve = new SimulatedNerve(1, NOISE, JITTER);

        track(tracker, nerve);

        assertThat(tracker.isExhausted()).isTrue();
        assertThat(tracker.isConverged()).isFalse();
        assertThat(tracker.stimuliGiven()).isEqualTo(12);
        assertThat(nerve.stimuli).isEqualTo(12);
        assertThat(tracker.points()).hasSize(12);
        assertThat(tracker.estimate()).as("still an estimate, just not precise enough").isPresent();
    }

    @Test
    void isExhaustedOnlyOnceTheBudgetIsSpent() {
        RegressionTracker tracker = new RegressionTracker(3_200, 4_000_000, List.of(), DEFAULTS.withMaxStimuli(2));

        assertThat(tracker.isExhausted()).isFalse();
        tracker.record(4_000_000, 100);
        assertThat(tracker.isExhausted()).isFalse();
        tracker.record(4_000_000, 100);
        assertThat(tracker.isExhausted()).isTrue();
    }

    // --- prior points ---

    @Test
    void priorPointsNearTheTargetCountWithoutCostingAStimulus() {
        double target = 3_200;
        List<StimulusResponsePoint> prior = new ArrayList<>();
        for (long i : new long[] {3_900_000, 3_950_000, 4_000_000, 4_050_000, 4_100_000}) {
            prior.add(new StimulusResponsePoint(i, target * Math.pow(i / 4_000_000.0, 8)));
        }

        RegressionTracker tracker = new RegressionTracker(target, 4_000_000, prior, DEFAULTS);

        assertThat(tracker.stimuliGiven()).isZero();
        assertThat(tracker.isConverged()).isTrue();
        assertThat(tracker.estimate().orElseThrow().thresholdNanoamps()).isCloseTo(4_000_000, within(1.0));
        assertThat(tracker.points()).containsExactlyElementsOf(prior);
    }

    @Test
    void priorPointsFarFromTheTargetDoNotCount() {
        List<StimulusResponsePoint> prior = List.of(new StimulusResponsePoint(1_000_000, 0),
                new StimulusResponsePoint(2_000_000, 50), new StimulusResponsePoint(3_000_000, 400),
                new StimulusResponsePoint(8_000_000, 7_900), new StimulusResponsePoint(9_000_000, 8_000));

        RegressionTracker tracker = new RegressionTracker(3_200, 4_000_000, prior, DEFAULTS);

        assertThat(tracker.estimate()).isEmpty();
        assertThat(tracker.isConverged()).isFalse();
    }

    @Test
    void fewerStimuliAreNeededWithTheSearchPointsAsPrior() {
        // the same nerves with and without the search's points
        int withPrior = 0;
        int withoutPrior = 0;
        for (int seed = 0; seed < 50; seed++) {
            SimulatedNerve nerve = new SimulatedNerve(seed, NOISE, JITTER);
            MaximalResponseSearch search = new MaximalResponseSearch(1_000_000, 50_000_000, 100);
            for (OptionalLong s = search.nextStimulusNanoamps(); s.isPresent(); s = search.nextStimulusNanoamps()) {
                search.record(s.getAsLong(), nerve.applyAsDouble(s.getAsLong()));
            }
            double target = 0.4 * search.maximalResponseMicrovolts();
            long start = CurveInterpolation.stimulusFor(search.allPoints(), target).orElseThrow();
            withPrior += track(new RegressionTracker(target, start, search.allPoints(), DEFAULTS),
                    new SimulatedNerve(1_000 + seed, NOISE, JITTER)).stimuliGiven();
            withoutPrior += track(new RegressionTracker(target, start, List.of(), DEFAULTS),
                    new SimulatedNerve(1_000 + seed, NOISE, JITTER)).stimuliGiven();
        }

        assertThat(withPrior).isLessThan(withoutPrior);
    }

    // --- the stepping rules ---

    @Test
    void beforeAnEstimateItStepsByTheLogErrorOverThePriorSlope() {
        RegressionTracker tracker = new RegressionTracker(3_200, 4_000_000, List.of(), DEFAULTS);
        assertThat(tracker.nextStimulusNanoamps()).isEqualTo(4_000_000);

        // response e^-0.8 of the target: step up by 0.8 / 8 = 0.1
        tracker.record(4_000_000, 3_200 * Math.exp(-0.8));
        assertThat(tracker.nextStimulusNanoamps()).isEqualTo(Math.round(4_000_000 * Math.exp(0.1)));

        // response e^+0.4 of the target: step down by 0.05
        tracker.record(4_420_684, 3_200 * Math.exp(0.4));
        assertThat(tracker.nextStimulusNanoamps()).isEqualTo(Math.round(4_420_684 * Math.exp(-0.05)));
    }

    @Test
    void proportionalStepsAreCappedAndANilResponseStepsUpByTheCap() {
        RegressionTracker tracker = new RegressionTracker(3_200, 4_000_000, List.of(), DEFAULTS);

        tracker.record(4_000_000, 0);
        assertThat(tracker.nextStimulusNanoamps()).isEqualTo(Math.round(4_000_000 * Math.exp(0.15)));
        tracker.record(4_000_000, 10);
        assertThat(tracker.nextStimulusNanoamps()).isEqualTo(Math.round(4_000_000 * Math.exp(0.15)));
        tracker.record(4_000_000, 8_000);   // ln(0.4) / 8 = -0.115: within the cap
        assertThat(tracker.nextStimulusNanoamps()).isEqualTo(Math.round(4_000_000 * Math.exp(Math.log(0.4) / 8)));
        tracker.record(4_000_000, 100_000); // ln(0.032) / 8 = -0.43: capped
        assertThat(tracker.nextStimulusNanoamps()).isEqualTo(Math.round(4_000_000 * Math.exp(-0.15)));
    }

    @Test
    void onceEstimatedItAlternatesJustBelowAndJustAboveTheEstimate() {
        double target = 3_200;
        LongToDoubleFunction nerve = i -> target * Math.pow(i / 4_000_000.0, 8);
        List<StimulusResponsePoint> prior = List.of(
                new StimulusResponsePoint(3_900_000, nerve.applyAsDouble(3_900_000)),
                new StimulusResponsePoint(4_100_000, nerve.applyAsDouble(4_100_000)));
        RegressionTracker tracker = new RegressionTracker(target, 4_050_000, prior,
                DEFAULTS.withTargetRelativeError(1e-12));

        List<Long> stimuli = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            long s = tracker.nextStimulusNanoamps();
            stimuli.add(s);
            tracker.record(s, nerve.applyAsDouble(s));
        }

        // after the first stimulus the estimate is exact (4 mA): odd counts go below, even counts above
        long below = Math.round(4_000_000 * Math.exp(-0.015));
        long above = Math.round(4_000_000 * Math.exp(0.015));
        assertThat(stimuli.subList(1, 6)).allSatisfy(s -> assertThat(s).isBetween(below - 1, above + 1));
        for (int k = 1; k < 6; k++) {
            long expected = k % 2 == 1 ? below : above;
            assertThat((double) stimuli.get(k)).as("stimulus %d", k + 1).isCloseTo(expected, within(1.0));
        }
    }

    @Test
    void convergenceNeedsTheMinimumNumberOfNearTargetPoints() {
        double target = 3_200;
        LongToDoubleFunction nerve = i -> target * Math.pow(i / 4_000_000.0, 8);
        RegressionTracker tracker = new RegressionTracker(target, 4_000_000, List.of(), DEFAULTS);

        for (long i : new long[] {3_950_000, 4_000_000, 4_050_000, 4_100_000}) {
            tracker.record(i, nerve.applyAsDouble(i));
        }
        assertThat(tracker.estimate().orElseThrow().relativeStandardError()).isLessThan(1e-9);
        assertThat(tracker.isConverged()).as("4 exact points, 5 required").isFalse();
        tracker.record(3_900_000, nerve.applyAsDouble(3_900_000));
        assertThat(tracker.isConverged()).isTrue();
    }

    @Test
    void theStimulusNeverDropsBelowOneNanoamp() {
        RegressionTracker tracker = new RegressionTracker(3_200, 1, List.of(), DEFAULTS);

        tracker.record(1, 100_000);

        assertThat(tracker.nextStimulusNanoamps()).isEqualTo(1);
    }

    // --- settings ---

    @Test
    void defaultsAreOnePercentFromFivePointsWithinThirty() {
        assertThat(DEFAULTS).isEqualTo(new RegressionTracker.Settings(0.01, 5, 30, 0.15, 8, 0.015));
        assertThat(DEFAULTS.withTargetRelativeError(0.02).targetRelativeError()).isEqualTo(0.02);
        assertThat(DEFAULTS.withMaxStimuli(7)).isEqualTo(new RegressionTracker.Settings(0.01, 5, 7, 0.15, 8, 0.015));
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> new RegressionTracker.Settings(0, 5, 30, 0.15, 8, 0.015))
                .hasMessageStartingWith("invalid tracker settings");
        assertThatThrownBy(() -> new RegressionTracker.Settings(0.01, 2, 30, 0.15, 8, 0.015))
                .hasMessageStartingWith("invalid tracker settings");
        assertThatThrownBy(() -> DEFAULTS.withMaxStimuli(0)).hasMessageStartingWith("invalid tracker settings");
        assertThatThrownBy(() -> new RegressionTracker.Settings(0.01, 5, 30, 0, 8, 0.015))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegressionTracker.Settings(0.01, 5, 30, 0.15, 0, 0.015))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegressionTracker.Settings(0.01, 5, 30, 0.15, 8, -0.001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegressionTracker(3_200, 0, List.of(), DEFAULTS))
                .hasMessage("start stimulus 0 nA must be above zero");
    }
}
