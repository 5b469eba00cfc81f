package org.excitrack.session;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionState;

/**
 * The steps where the session talks to the operator (prompt, confirm, checklist, input), shared by the nerve and
 * the magnetic sessions: each answer is recorded and reported as it is given.
 */
final class OperatorSteps {
    private final Operator operator;
    private final SessionControl control;
    private final SessionRecorder recorder;
    private final Consumer<SessionEvent> events;
    private final Map<String, Double> inputs;

    /** @param inputs where typed values go, by input name, for later conditions */
    OperatorSteps(Operator operator, SessionControl control, SessionRecorder recorder, Consumer<SessionEvent> events,
                  Map<String, Double> inputs) {
        this.operator = operator;
        this.control = control;
        this.recorder = recorder;
        this.events = events;
        this.inputs = inputs;
    }

    boolean handles(PlanStep step) {
        return step instanceof PlanStep.Prompt || step instanceof PlanStep.Confirm
                || step instanceof PlanStep.Checklist || step instanceof PlanStep.Input;
    }

    /** The text that identifies an operator step (its question, title or label), or null for other steps. */
    static String text(PlanStep step) {
        return step instanceof PlanStep.Prompt p ? p.text() : step instanceof PlanStep.Confirm c ? c.text()
                : step instanceof PlanStep.Checklist c ? c.title() : step instanceof PlanStep.Input in ? in.label() : null;
    }

    void run(PlanStep step) throws InterruptedException {
        if (step instanceof PlanStep.Prompt p) {
            operator.acknowledge(p.text());
            answered(p.text(), "acknowledged");
        } else if (step instanceof PlanStep.Confirm c) {
            boolean yes = operator.confirm(c.text());
            answered(c.text(), yes ? "yes" : "no");
            if (!yes) {
                throw new SessionAbortedException(SessionState.ABORTED, "the operator declined: " + c.text());
            }
        } else if (step instanceof PlanStep.Checklist c) {
            checklist(c);
        } else if (step instanceof PlanStep.Input in) {
            double value = operator.input(in);
            if (value < in.min() || value > in.max()) {
                throw new IllegalStateException("the operator's " + in.name() + " " + value + " " + in.unit()
                        + " is outside " + in.min() + ".." + in.max());
            }
            inputs.put(in.name(), value);
            answered(in.label(), value + " " + in.unit());
        } else {
            throw new IllegalArgumentException("not an operator step: " + step);
        }
    }

    private void checklist(PlanStep.Checklist c) throws InterruptedException {
        while (true) {
            List<Boolean> ticked = operator.checklist(c.title(), c.items());
            if (ticked.size() == c.items().size() && ticked.stream().allMatch(Boolean::booleanValue)) {
                answered(c.title(), "all " + c.items().size() + " items ticked");
                return;
            }
            control.checkpoint();
            events.accept(new SessionEvent.Warning("checklist", "every item of \"" + c.title() + "\" must be ticked"));
        }
    }

    void answered(String text, String answer) {
        recorder.prompt(text, answer);
        events.accept(new SessionEvent.Prompt(text, answer));
    }
}
