package org.excitrack.tracking.tms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IfcnRelativeFrequencyMethodTest {

    /** A noise-free subject: every MEP at or above {@code threshold} %MSO is 100 µV, every one below 10 µV. */
    private static List<Integer> run(MotorThresholdMethod method, int threshold) {
        List<Integer> given = new ArrayList<>();
        while (!method.isFinished()) {
            int x = method.nextIntensityPercentMso();
            given.add(x);
            method.record(x, x >= threshold ? 100 : 10);
        }
        return given;
    }

    @Test
    void fromAboveItStepsDownOnePercentAtATimeToTheLowestLevelWithFiveHits() {
        MotorThresholdMethod ifcn = new IfcnRelativeFrequencyMethod(MotorThresholdSettings.ifcn(55));
        List<Integer> given = run(ifcn, 43);
        // 55 … 43 decided by 5 hits each, 42 by 6 misses
        assertThat(given).hasSize(13 * 5 + 6);
        assertThat(given.subList(0, 5)).containsOnly(55);
        assertThat(given.get(given.size() - 1)).isEqualTo(42);
        assertThat(ifcn.finishReason()).contains(FinishReason.STOP_RULE_MET);
        MotorThresholdEstimate estimate = ifcn.estimate().orElseThrow();
        assertThat(estimate.thresholdPercentMso()).isEqualTo(43);
        assertThat(estimate.lowerPercentMso()).isEqualTo(42);
        assertThat(estimate.upperPercentMso()).isEqualTo(43);
        assertThat(estimate.hasStandardError()).isFalse();
        assertThat(estimate.stimuliUsed()).isEqualTo(71);
    }

    @Test
    void fromBelowItSearchesUpInFivesThenComesDown() {
        MotorThresholdMethod ifcn = new IfcnRelativeFrequencyMethod(MotorThresholdSettings.ifcn(40));
        List<Integer> given = run(ifcn, 47);
        assertThat(given.stream().distinct().toList()).containsExactly(40, 45, 50, 49, 48, 47, 46);
        assertThat(ifcn.estimate().orElseThrow().thresholdPercentMso()).isEqualTo(47);
    }

    @Test
    void aLevelFoundSubthresholdOnTheWayUpIsNotTestedAgain() {
        MotorThresholdMethod ifcn = new IfcnRelativeFrequencyMethod(MotorThresholdSettings.ifcn(40));
        List<Integer> given = run(ifcn, 41);
        assertThat(given.stream().distinct().toList()).containsExactly(40, 45, 44, 43, 42, 41);
        assertThat(given.stream().filter(x -> x == 40)).hasSize(6);
        assertThat(ifcn.estimate().orElseThrow().thresholdPercentMso()).isEqualTo(41);
        assertThat(ifcn.estimate().orElseThrow().lowerPercentMso()).isEqualTo(40);
    }

    @Test
    void aLevelIsDecidedAsSoonAsItsOutcomeIsCertain() {
        MotorThresholdMethod ifcn = new IfcnRelativeFrequencyMethod(MotorThresholdSettings.ifcn(50));
        // hit, miss alternating: the fifth hit comes on the ninth stimulus
        for (int i = 0; i < 8; i++) {
            ifcn.record(50, i % 2 == 0 ? 60 : 40);
        }
        assertThat(ifcn.nextIntensityPercentMso()).isEqualTo(50);
        ifcn.record(50, 60);
        assertThat(ifcn.nextIntensityPercentMso()).isEqualTo(49);
        // six misses end a level even before ten stimuli
        for (int i = 0; i < 6; i++) {
            ifcn.record(49, 0);
        }
        assertThat(ifcn.isFinished()).isTrue();
        assertThat(ifcn.estimate().orElseThrow().thresholdPercentMso()).isEqualTo(50);
    }

    @Test
    void aThresholdAboveTheMaximumFinishesWithThatReasonWithoutExceedingIt() {
        MotorThresholdSettings settings = MotorThresholdSettings.ifcn(52).withMaxIntensityPercentMso(60);
        MotorThresholdMethod ifcn = new IfcnRelativeFrequencyMethod(settings);
        List<Integer> given = run(ifcn, 75);
        assertThat(given.stream().distinct().toList()).containsExactly(52, 57, 60);
        assertThat(given).allSatisfy(x -> assertThat(x).isLessThanOrEqualTo(60));
        assertThat(ifcn.finishReason()).contains(FinishReason.THRESHOLD_ABOVE_MAXIMUM);
        assertThat(ifcn.estimate()).isEmpty();
        assertThatThrownBy(ifcn::nextIntensityPercentMso).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theBudgetStopsItAndItRefusesAStimulusItDidNotAskFor() {
        MotorThresholdMethod ifcn = new IfcnRelativeFrequencyMethod(MotorThresholdSettings.ifcn(55).withMaxStimuli(12));
        assertThatThrownBy(() -> ifcn.record(54, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("testing 55 %MSO");
        run(ifcn, 40);
        assertThat(ifcn.stimuliGiven()).isEqualTo(12);
        assertThat(ifcn.finishReason()).contains(FinishReason.BUDGET_SPENT);
        assertThat(ifcn.estimate().orElseThrow().thresholdPercentMso()).isEqualTo(54);
    }

    @Test
    void theTenOfTwentyVariantNeedsTenHits() {
        MotorThresholdMethod ifcn = new IfcnRelativeFrequencyMethod(MotorThresholdSettings.ifcn(45),
                new IfcnRelativeFrequencyMethod.Settings(10, 20, 2, 5));
        List<Integer> given = run(ifcn, 42);
        assertThat(given.stream().distinct().toList()).containsExactly(45, 43, 41);
        assertThat(given.stream().filter(x -> x == 45)).hasSize(10);
        assertThat(given.stream().filter(x -> x == 41)).hasSize(11);
        assertThat(ifcn.estimate().orElseThrow().thresholdPercentMso()).isEqualTo(43);
    }
}
