package org.excitrack.sim.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.session.Operator;

/** An operator who acknowledges everything, ticks every item and enters the given values; records what was asked. */
final class AutomaticOperator implements Operator {
    private final Map<String, Double> values;
    final List<String> asked = Collections.synchronizedList(new ArrayList<>());

    AutomaticOperator(Map<String, Double> values) {
        this.values = values;
    }

    @Override
    public void acknowledge(String text) {
        asked.add(text);
    }

    @Override
    public boolean confirm(String text) {
        asked.add(text);
        return true;
    }

    @Override
    public List<Boolean> checklist(String title, List<String> items) {
        asked.add(title);
        return Collections.nCopies(items.size(), true);
    }

    @Override
    public double input(PlanStep.Input input) {
        asked.add(input.label());
        return values.getOrDefault(input.name(), (input.min() + input.max()) / 2);
    }
}
