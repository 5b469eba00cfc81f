package org.excitrack.service;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.session.SessionState;
import org.excitrack.session.Operator;
import org.excitrack.session.SessionAbortedException;

/**
 * The session's {@link Operator} answered through {@link OperatorDialogs}: the session's thread waits for the
 * answer, and abort or emergency stop cancel the open prompt so the session ends at once rather than after the
 * operator has clicked something. Kept in the service layer so a GUI never sees the session package.
 */
final class DialogOperator implements Operator {
    private final OperatorDialogs dialogs;
    private final Map<String, Double> suggestions;
    private final RunControl control;
    private final AtomicReference<CompletableFuture<?>> open = new AtomicReference<>();

    /** @param suggestions values already known for the protocol's inputs, by name, offered in the dialog */
    DialogOperator(OperatorDialogs dialogs, Map<String, Double> suggestions, RunControl control) {
        this.dialogs = dialogs;
        this.suggestions = Map.copyOf(suggestions);
        this.control = control;
        control.onStop(this::cancelOpenPrompt);
    }

    @Override
    public void acknowledge(String text) throws InterruptedException {
        await(dialogs.acknowledge(text));
    }

    @Override
    public boolean confirm(String text) throws InterruptedException {
        return await(dialogs.confirm(text));
    }

    @Override
    public List<Boolean> checklist(String title, List<String> items) throws InterruptedException {
        return List.copyOf(await(dialogs.checklist(title, List.copyOf(items))));
    }

    @Override
    public double input(PlanStep.Input input) throws InterruptedException {
        Double known = suggestions.get(input.name());
        InputQuestion question = new InputQuestion(input.name(), input.label(), input.unit(), input.min(),
                input.max(), known == null ? OptionalDouble.empty() : OptionalDouble.of(known));
        while (true) {
            double value = await(dialogs.input(question));
            if (question.accepts(value)) {
                return value;
            }
            // a dialog should not let an out-of-range value through; if one does, ask again rather than fail the run
        }
    }

    private <T> T await(CompletableFuture<T> answer) throws InterruptedException {
        open.set(answer);
        try {
            // a stop that came before the prompt was registered must not leave the session waiting on it
            stopIfRequested(answer);
            return answer.get();
        } catch (CancellationException e) {
            throw stopped();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the operator's prompt failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            open.compareAndSet(answer, null);
        }
    }

    private void stopIfRequested(CompletableFuture<?> answer) {
        SessionState requested = control.requested();
        if (requested == SessionState.ABORTED || requested == SessionState.EMERGENCY_STOPPED) {
            answer.cancel(false);
        }
    }

    private SessionAbortedException stopped() {
        SessionState requested = control.requested();
        return requested == SessionState.EMERGENCY_STOPPED
                ? new SessionAbortedException(requested, "emergency stop")
                : new SessionAbortedException(SessionState.ABORTED, "aborted by the operator");
    }

    private void cancelOpenPrompt() {
        CompletableFuture<?> f = open.get();
        if (f != null) {
            f.cancel(false);
        }
    }
}
