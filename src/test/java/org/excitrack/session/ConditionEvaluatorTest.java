package org.excitrack.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.excitrack.model.plan.Condition;
import org.junit.jupiter.api.Test;

class ConditionEvaluatorTest {
    private final ConditionEvaluator evaluator = new ConditionEvaluator(() -> 450, channel -> 5_200_000,
            Map.of("temperature", 31.0));

    @Test
    void comparesWhatTheRunMeasuredInBaseUnits() {
        Condition smallCmap = new Condition.Compare(new Condition.MaximalResponse(), "<",
                new Condition.Constant(500, "µV"));
        Condition cold = new Condition.Compare(new Condition.InputValue("temperature"), "<",
                new Condition.Constant(32, "°C"));
        Condition highThreshold = new Condition.Compare(new Condition.Threshold("control"), ">",
                new Condition.Constant(5_000_000, "nA"));
        assertThat(evaluator.holds(smallCmap)).isTrue();
        assertThat(evaluator.holds(new Condition.And(cold, highThreshold))).isTrue();
        assertThat(evaluator.holds(new Condition.Not(new Condition.Or(smallCmap, cold)))).isFalse();
    }

    @Test
    void anInputNotYetGivenIsAnError() {
        assertThatThrownBy(() -> evaluator.holds(new Condition.Compare(new Condition.InputValue("height"), ">",
                new Condition.Constant(1, "")))).hasMessageContaining("the input height has no value yet");
    }
}
