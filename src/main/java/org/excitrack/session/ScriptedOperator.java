package org.excitrack.session;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.excitrack.model.plan.PlanStep;

/**
 * An operator without a person: acknowledges every prompt, confirms every question, ticks every checklist and
 * enters the values it was given. For scripted runs, where the protocol's inputs are checked before the first
 * stimulus, and for tests and benchmarks.
 */
public final class ScriptedOperator implements Operator {
    private final Map<String, Double> inputs;

    /** @param inputs values for the protocol's {@code input} steps, by name, in their base unit */
    public ScriptedOperator(Map<String, Double> inputs) {
        this.inputs = Map.copyOf(inputs);
    }

    @Override
    public void acknowledge(String text) {
        // a scripted run has read the protocol: every prompt is acknowledged
    }

    @Override
    public boolean confirm(String text) {
        return true;
    }

    @Override
    public List<Boolean> checklist(String title, List<String> items) {
        return Collections.nCopies(items.size(), true);
    }

    /** @throws IllegalStateException if the script has no value for this input */
    @Override
    public double input(PlanStep.Input input) {
        Double v = inputs.get(input.name());
        if (v == null) {
            throw new IllegalStateException("no value was given for the protocol's input " + input.name());
        }
        return v;
    }
}
