package org.excitrack.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The person at the bedside as a GUI presents them: each prompt is shown (a dialog) and answered later, so the
 * session's thread waits on the returned future while the GUI's thread never waits at all. Calls come on the
 * session's thread; an implementation hands the prompt to its UI and returns at once.
 *
 * <p>The run cancels the future when it is aborted or emergency-stopped while a prompt is open: the GUI should
 * then close the prompt (watch the future), and the session ends without an answer.
 */
public interface OperatorDialogs {
    /** A message to read; completes when read. */
    CompletableFuture<Void> acknowledge(String text);

    /** A yes/no question; answering no ends the run (the protocol cannot go on without it). */
    CompletableFuture<Boolean> confirm(String text);

    /** Which items are ticked, in order; the session asks again until every item is. */
    CompletableFuture<List<Boolean>> checklist(String title, List<String> items);

    /** A value within the question's range, in its unit. */
    CompletableFuture<Double> input(InputQuestion question);
}
