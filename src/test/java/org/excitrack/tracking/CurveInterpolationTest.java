package org.excitrack.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

class CurveInterpolationTest {

    private static StimulusResponsePoint p(long nanoamps, double microvolts) {
        return new StimulusResponsePoint(nanoamps, microvolts);
    }

    @Example
    void interpolatesLinearlyOnLogLogScales() {
        // slope 2 in log-log between (1 mA, 100 µV) and (2 mA, 400 µV): 200 µV at √2 mA
        List<StimulusResponsePoint> curve = List.of(p(1_000_000, 100), p(2_000_000, 400));

        assertThat(CurveInterpolation.stimulusFor(curve, 200)).hasValue(1_414_214);
    }

    @Example
    void aTargetEqualToAPointsResponseGivesThatPointsStimulus() {
        List<StimulusResponsePoint> curve = List.of(p(1_000_000, 100), p(2_000_000, 400), p(3_000_000, 900));

        assertThat(CurveInterpolation.stimulusFor(curve, 400)).hasValue(2_000_000);
        assertThat(CurveInterpolation.stimulusFor(curve, 900)).hasValue(3_000_000);
    }

    @Example
    void theOrderOfThePointsDoesNotMatter() {
        List<StimulusResponsePoint> curve = List.of(p(3_000_000, 900), p(1_000_000, 100), p(2_000_000, 400));

        assertThat(CurveInterpolation.stimulusFor(curve, 200)).hasValue(1_414_214);
    }

    @Example
    void theFirstUpwardCrossingIsUsedWhenTheCurveIsNotMonotonic() {
        // rises through 500 between 1 and 2 mA, falls back, and crosses again between 3 and 4 mA
        List<StimulusResponsePoint> curve = List.of(p(1_000_000, 250), p(2_000_000, 1_000), p(3_000_000, 300),
                p(4_000_000, 1_200));

        assertThat(CurveInterpolation.stimulusFor(curve, 500)).hasValue(1_414_214);
    }

    @Example
    void fromAZeroResponseTheUpperPointIsTaken() {
        // log interpolation from zero is undefined: the first stimulus that reaches the target is used
        List<StimulusResponsePoint> curve = List.of(p(1_000_000, 0), p(1_562_500, 3_000));

        assertThat(CurveInterpolation.stimulusFor(curve, 1_000)).hasValue(1_562_500);
    }

    @Example
    void emptyWhenNoPairBracketsTheTarget() {
        List<StimulusResponsePoint> curve = List.of(p(1_000_000, 100), p(2_000_000, 400));

        assertThat(CurveInterpolation.stimulusFor(curve, 401)).as("above every response").isEmpty();
        assertThat(CurveInterpolation.stimulusFor(curve, 100)).as("at the first response: nothing below it")
                .isEmpty();
        assertThat(CurveInterpolation.stimulusFor(curve, 50)).as("below every response").isEmpty();
        assertThat(CurveInterpolation.stimulusFor(List.of(p(1_000_000, 100)), 50)).isEmpty();
        assertThat(CurveInterpolation.stimulusFor(List.of(), 50)).isEmpty();
        assertThat(CurveInterpolation.stimulusFor(List.of(p(1_000_000, 400), p(2_000_000, 100)), 200))
                .as("a falling curve").isEmpty();
    }

    @Example
    void doesNotReorderTheCallersList() {
        List<StimulusResponsePoint> curve = new ArrayList<>(List.of(p(2_000_000, 400), p(1_000_000, 100)));

        CurveInterpolation.stimulusFor(curve, 200);

        assertThat(curve).containsExactly(p(2_000_000, 400), p(1_000_000, 100));
    }

    /** On a power law the log-log interpolation is exact, up to rounding to whole nanoamps. */
    @Property(tries = 300, seed = "31415")
    void recoversThePowerLawStimulusExactly(
            @ForAll @DoubleRange(min = 1, max = 15) @Scale(6) double exponent,
            @ForAll @LongRange(min = 100_000, max = 5_000_000) long firstNanoamps,
            @ForAll @IntRange(min = 2, max = 12) int pointCount,
            @ForAll @DoubleRange(min = 0.001, max = 0.999) @Scale(6) double where) {
        List<StimulusResponsePoint> curve = new ArrayList<>();
        long stimulus = firstNanoamps;
        for (int i = 0; i < pointCount; i++) {
            curve.add(p(stimulus, 1_000 * Math.pow((double) stimulus / firstNanoamps, exponent)));
            stimulus = Math.round(stimulus * 1.1);
        }
        double lo = curve.get(0).responseMicrovolts();
        double hi = curve.get(pointCount - 1).responseMicrovolts();
        double target = lo * Math.pow(hi / lo, where);

        long found = CurveInterpolation.stimulusFor(curve, target).orElseThrow();

        double exact = firstNanoamps * Math.pow(target / 1_000, 1 / exponent);
        assertThat((double) found).isCloseTo(exact, within(0.5 + exact * 1e-9));
    }
}
