package org.excitrack.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaximalResponseSearchTest {
    private static final double R_MAX = 8_000;          // µV
    private static final double MIN_RESPONSE = 100;     // µV
    private static final long CEILING = 50_000_000;     // 50 mA

    /** A logistic stimulus-response function: half-maximal at {@code i50} nA, spread {@code s} nA. */
    private static LongToDoubleFunction logistic(double rMax, double i50, double s) {
        return i -> rMax / (1 + Math.exp(-(i - i50) / s));
    }

    private static LongToDoubleFunction noisy(LongToDoubleFunction nerve, double noiseRms, long seed) {
        Random random = new Random(seed);
        return i -> Math.max(0, nerve.applyAsDouble(i) + noiseRms * random.nextGaussian());
    }

    /** Runs the search to its end and returns it. */
    private static MaximalResponseSearch run(MaximalResponseSearch search, LongToDoubleFunction nerve) {
        for (OptionalLong next = search.nextStimulusNanoamps(); next.isPresent();
                next = search.nextStimulusNanoamps()) {
            search.record(next.getAsLong(), nerve.applyAsDouble(next.getAsLong()));
        }
        return search;
    }

    @Test
    void findsThePlateauOfANoiselessLogisticNerve() {
        MaximalResponseSearch search = run(new MaximalResponseSearch(1_000_000, CEILING, MIN_RESPONSE),
                logistic(R_MAX, 5_000_000, 400_000));

        assertThat(search.isDone()).isTrue();
        assertThat(search.nextStimulusNanoamps()).isEmpty();
        assertThat(search.maximalResponseMicrovolts()).isCloseTo(R_MAX, within(0.005 * R_MAX));
        List<StimulusResponsePoint> points = search.allPoints();
        List<StimulusResponsePoint> supra = points.subList(points.size() - 2, points.size());
        List<StimulusResponsePoint> ramp = points.subList(0, points.size() - 2);
        long plateau = ramp.get(ramp.size() - 1).stimulusNanoamps();
        assertThat(supra).extracting(StimulusResponsePoint::stimulusNanoamps)
                .containsOnly(Math.round(plateau * 1.2));
        assertThat(search.maximalResponseMicrovolts()).isEqualTo(
                (supra.get(0).responseMicrovolts() + supra.get(1).responseMicrovolts()) / 2);
        // the two last ramp steps grew by less than 3 % of the largest response
        for (int i = ramp.size() - 2; i < ramp.size(); i++) {
            double growth = ramp.get(i).responseMicrovolts() - ramp.get(i - 1).responseMicrovolts();
            assertThat(growth).isLessThan(0.03 * ramp.get(i).responseMicrovolts());
        }
        double before = ramp.get(ramp.size() - 3).responseMicrovolts() - ramp.get(ramp.size() - 4).responseMicrovolts();
        assertThat(before).as("the plateau is not declared a step early")
                .isGreaterThanOrEqualTo(0.03 * ramp.get(ramp.size() - 3).responseMicrovolts());
    }

    @Test
    void stepsAreLargerBelowAnyResponse() {
        MaximalResponseSearch search = run(new MaximalResponseSearch(1_000_000, CEILING, MIN_RESPONSE),
                logistic(R_MAX, 5_000_000, 400_000));
        List<StimulusResponsePoint> points = search.allPoints();

        int below = 0;
        int above = 0;
        for (int i = 1; i < points.size() - 2; i++) {
            StimulusResponsePoint previous = points.get(i - 1);
            double factor = previous.responseMicrovolts() < MIN_RESPONSE ? 1.25 * 1.25 : 1.25;
            assertThat(points.get(i).stimulusNanoamps())
                    .isEqualTo(Math.round(previous.stimulusNanoamps() * factor));
            if (factor > 1.25) {
                below++;
            } else {
                above++;
            }
        }
        assertThat(below).as("steps below any response").isGreaterThanOrEqualTo(2);
        assertThat(above).as("steps through the recruitment range").isGreaterThanOrEqualTo(3);
    }

    @Test
    void exactStepSequenceForHandFedResponses() {
        MaximalResponseSearch search = new MaximalResponseSearch(1_000_000, CEILING, MIN_RESPONSE);

        assertThat(search.nextStimulusNanoamps()).hasValue(1_000_000);
        search.record(1_000_000, 10);
        assertThat(search.nextStimulusNanoamps()).hasValue(1_562_500);
        search.record(1_562_500, 150);
        assertThat(search.nextStimulusNanoamps()).hasValue(1_953_125);
        search.record(1_953_125, 1_000);
        assertThat(search.nextStimulusNanoamps()).hasValue(2_441_406);
    }

    @Test
    void theMaximalResponseIsTheMeanOfTheSupramaximalResponses() {
        MaximalResponseSearch search = new MaximalResponseSearch(1_000_000, CEILING, MIN_RESPONSE);
        search.record(1_000_000, 5_000);
        search.record(1_250_000, 8_000);
        search.record(1_562_500, 8_100);   // +1.2 %: flat once
        assertThat(search.isDone()).isFalse();
        search.record(1_953_125, 8_150);   // +0.6 %: flat twice, plateau
        assertThat(search.nextStimulusNanoamps()).hasValue(Math.round(1_953_125 * 1.2));

        search.record(2_343_750, 8_300);
        assertThat(search.isDone()).isFalse();
        assertThatThrownBy(search::maximalResponseMicrovolts)
                .isInstanceOf(IllegalStateException.class).hasMessage("the search has not finished");
        assertThat(search.nextStimulusNanoamps()).as("still at the supramaximal stimulus").hasValue(2_343_750);
        search.record(2_343_750, 8_500);

        assertThat(search.isDone()).isTrue();
        assertThat(search.maximalResponseMicrovolts()).isEqualTo(8_400.0);
        assertThat(search.largestResponseMicrovolts()).isEqualTo(8_500.0);
        assertThat(search.allPoints()).extracting(StimulusResponsePoint::responseMicrovolts)
                .containsExactly(5_000.0, 8_000.0, 8_100.0, 8_150.0, 8_300.0, 8_500.0);
    }

    @Test
    void aSteepStepResetsTheFlatCount() {
        MaximalResponseSearch search = new MaximalResponseSearch(1_000_000, CEILING, MIN_RESPONSE);
        search.record(1_000_000, 1_000);
        search.record(1_250_000, 1_029);   // flat (2.9 % < 3 %)
        search.record(1_562_500, 2_000);   // steep: back to zero
        search.record(1_953_125, 2_050);   // flat once

        assertThat(search.nextStimulusNanoamps()).hasValue(Math.round(1_953_125 * 1.25));
        search.record(2_441_406, 2_100);   // flat twice
        assertThat(search.nextStimulusNanoamps()).hasValue(Math.round(2_441_406 * 1.2));
    }

    @Test
    void growthOfThreePercentOrMoreOfTheLargerResponseIsNotFlat() {
        MaximalResponseSearch flat = new MaximalResponseSearch(1_000_000, CEILING, MIN_RESPONSE);
        flat.record(1_000_000, 1_000);
        flat.record(1_250_000, 1_029);     // +29 < 3 % of 1029: flat
        flat.record(1_562_500, 1_060);     // +31 < 3 % of 1060 (31.8): flat again, plateau
        assertThat(flat.nextStimulusNanoamps()).hasValue(1_875_000);

        MaximalResponseSearch steep = new MaximalResponseSearch(1_000_000, CEILING, MIN_RESPONSE);
        steep.record(1_000_000, 1_000);
        steep.record(1_250_000, 1_029);
        steep.record(1_562_500, 1_061);    // +32 ≥ 3 % of 1061 (31.83): not flat
        assertThat(steep.nextStimulusNanoamps()).as("no plateau yet").hasValue(1_953_125);
    }

    @Test
    void responsesBelowTheMinimumNeverMakeAPlateau() {
        // electrode off the nerve: 50 µV of noise-level "responses" that never grow
        MaximalResponseSearch search = run(new MaximalResponseSearch(1_000_000, CEILING, MIN_RESPONSE), i -> 50);

        assertThat(search.isDone()).isFalse();
        assertThat(search.nextStimulusNanoamps()).isEmpty();
        List<StimulusResponsePoint> points = search.allPoints();
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).stimulusNanoamps())
                    .isEqualTo(Math.round(points.get(i - 1).stimulusNanoamps() * 1.5625));
        }
        // 1 → 1.5625 → … → 35.5 mA; the next, 55.5 mA, is over the 50 mA ceiling
        assertThat(points).hasSize(9);
        assertThat(points.get(points.size() - 1).stimulusNanoamps()).isLessThanOrEqualTo(CEILING);
    }

    @Test
    void stopsUnfinishedAtTheCeilingAndReportsTheStimulusItWanted() {
        // the plateau lies far beyond a 20 mA ceiling
        long ceiling = 20_000_000;
        MaximalResponseSearch search = run(new MaximalResponseSearch(1_000_000, ceiling, MIN_RESPONSE),
                logistic(R_MAX, 30_000_000, 3_000_000));

        assertThat(search.isDone()).isFalse();
        assertThat(search.nextStimulusNanoamps()).isEmpty();
        List<StimulusResponsePoint> points = search.allPoints();
        StimulusResponsePoint last = points.get(points.size() - 1);
        assertThat(points).allSatisfy(p -> assertThat(p.stimulusNanoamps()).isLessThanOrEqualTo(ceiling));
        double factor = last.responseMicrovolts() < MIN_RESPONSE ? 1.5625 : 1.25;
        assertThat(search.wantedStimulusNanoamps()).isEqualTo(Math.round(last.stimulusNanoamps() * factor))
                .isGreaterThan(ceiling);
        assertThat(search.largestResponseMicrovolts()).isEqualTo(last.responseMicrovolts());
        assertThatThrownBy(search::maximalResponseMicrovolts).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSupramaximalStimulusIsCappedAtTheCeiling() {
        long ceiling = 2_100_000;
        MaximalResponseSearch search = new MaximalResponseSearch(1_000_000, ceiling, MIN_RESPONSE);
        search.record(1_000_000, 8_000);
        search.record(1_250_000, 8_050);
        search.record(1_562_500, 8_060);   // plateau: 1.2 × 1.5625 mA = 1.875 mA, within the ceiling
        assertThat(search.nextStimulusNanoamps()).hasValue(1_875_000);

        MaximalResponseSearch high = new MaximalResponseSearch(1_000_000, 1_800_000, MIN_RESPONSE);
        high.record(1_000_000, 8_000);
        high.record(1_250_000, 8_050);
        high.record(1_562_500, 8_060);
        assertThat(high.nextStimulusNanoamps()).hasValue(1_800_000);
        high.record(1_800_000, 8_070);
        high.record(1_800_000, 8_090);
        assertThat(high.isDone()).isTrue();
        assertThat(high.maximalResponseMicrovolts()).isCloseTo(8_080, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void findsTheMaximumOfANoisyNerve(long seed) {
        double noise = 80; // 1 % of the maximum
        MaximalResponseSearch search = run(new MaximalResponseSearch(1_000_000, CEILING, MIN_RESPONSE),
                noisy(logistic(R_MAX, 5_000_000, 400_000), noise, seed));

        assertThat(search.isDone()).isTrue();
        assertThat(search.maximalResponseMicrovolts()).isCloseTo(R_MAX, within(0.03 * R_MAX));
        assertThat(search.allPoints()).hasSizeLessThan(20);
    }

    @Test
    void preconditionsNameTheValues() {
        assertThatThrownBy(() -> new MaximalResponseSearch(0, CEILING, MIN_RESPONSE))
                .hasMessage("start 0 nA must be above zero and at most the maximum 50000000 nA");
        assertThatThrownBy(() -> new MaximalResponseSearch(2_000, 1_000, MIN_RESPONSE))
                .hasMessage("start 2000 nA must be above zero and at most the maximum 1000 nA");
        assertThatThrownBy(() -> new MaximalResponseSearch(1_000, 2_000, 1, 1.0, 0.03, 1.2, 2))
                .hasMessageStartingWith("step factor 1.0 must exceed 1");
        assertThatThrownBy(() -> new MaximalResponseSearch(1_000, 2_000, 1, 1.25, 0.03, 0.9, 2))
                .hasMessageContaining("supramaximal factor 0.9");
        assertThatThrownBy(() -> new MaximalResponseSearch(1_000, 2_000, 1, 1.25, 0.03, 1.2, 0))
                .hasMessageContaining("trials 0 at least 1");
    }

    @Test
    void theFirstStimulusMayBeTheCeilingItself() {
        MaximalResponseSearch search = new MaximalResponseSearch(1_000, 1_000, MIN_RESPONSE);

        assertThat(search.nextStimulusNanoamps()).hasValue(1_000);
        search.record(1_000, 0);
        assertThat(search.nextStimulusNanoamps()).isEmpty();
        assertThat(search.wantedStimulusNanoamps()).isEqualTo(1_563);
    }
}
