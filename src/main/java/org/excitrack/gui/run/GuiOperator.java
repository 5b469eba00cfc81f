package org.excitrack.gui.run;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.excitrack.service.InputQuestion;
import org.excitrack.service.OperatorDialogs;

/**
 * The session's questions as prompts on the Run screen. Called on the session's thread, it only hands the prompt
 * to the screen and returns the future the session waits on; it never blocks, and it never touches JavaFX.
 */
final class GuiOperator implements OperatorDialogs {
    private final Consumer<OperatorPrompt> show;

    /** @param show puts a prompt on screen (posting to the FX thread); called on the session's thread */
    GuiOperator(Consumer<OperatorPrompt> show) {
        this.show = show;
    }

    @Override
    public CompletableFuture<Void> acknowledge(String text) {
        return ask(OperatorPrompt.acknowledge(text), a -> null);
    }

    @Override
    public CompletableFuture<Boolean> confirm(String text) {
        return ask(OperatorPrompt.confirm(text), Boolean.class::cast);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<List<Boolean>> checklist(String title, List<String> items) {
        return ask(OperatorPrompt.checklist(title, items), a -> (List<Boolean>) a);
    }

    @Override
    public CompletableFuture<Double> input(InputQuestion question) {
        return ask(OperatorPrompt.input(question), Double.class::cast);
    }

    private <T> CompletableFuture<T> ask(OperatorPrompt prompt, Function<Object, T> as) {
        Linked<T> answer = new Linked<>(prompt, as);
        show.accept(prompt);
        return answer;
    }

    /**
     * The prompt's answer as the session sees it. The session cancels this future on a stop; cancelling must
     * reach the prompt's own future too, since that is what closes the prompt on screen (a plain derived stage
     * from {@code thenApply} would not pass the cancellation back).
     */
    private static final class Linked<T> extends CompletableFuture<T> {
        private final OperatorPrompt prompt;

        Linked(OperatorPrompt prompt, Function<Object, T> as) {
            this.prompt = prompt;
            prompt.answered().whenComplete((value, error) -> {
                if (error == null) {
                    complete(as.apply(value));
                } else {
                    completeExceptionally(error);
                }
            });
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            prompt.answered().cancel(mayInterruptIfRunning);
            return super.cancel(mayInterruptIfRunning);
        }
    }
}
