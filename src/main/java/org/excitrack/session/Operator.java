package org.excitrack.session;

import java.util.List;
import org.excitrack.model.plan.PlanStep;

/**
 * The person at the bedside, as the session sees them: prompts to acknowledge, questions to confirm, a checklist
 * to tick and values to enter. The command line answers from its options; the GUI shows dialogs. Each call
 * blocks the session until answered; an operator who wants to stop answers by aborting the session.
 */
public interface Operator {
    void acknowledge(String text) throws InterruptedException;

    boolean confirm(String text) throws InterruptedException;

    /** Which items are ticked, in order. */
    List<Boolean> checklist(String title, List<String> items) throws InterruptedException;

    /** A value in the input's base unit, within its range. */
    double input(PlanStep.Input input) throws InterruptedException;
}
