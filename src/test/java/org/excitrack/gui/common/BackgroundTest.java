package org.excitrack.gui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class BackgroundTest {
    @Test
    void theFutureCompletesAfterTheResultIsPublishedOnTheUiThread() {
        ConcurrentLinkedQueue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
        List<String> published = new ArrayList<>();
        try (Background background = new Background(uiQueue::add)) {
            var future = background.submit(() -> "done", published::add, e -> published.add("failed"));
            while (uiQueue.isEmpty()) {
                Thread.onSpinWait();
            }
            assertThat(future).isNotDone();
            uiQueue.poll().run();
            assertThat(future.join()).isEqualTo("done");
            assertThat(published).containsExactly("done");
        }
    }

    @Test
    void aFailureReachesTheCallbackUnwrappedAndFailsTheFuture() {
        List<Throwable> failures = new ArrayList<>();
        try (Background background = new Background(UiThread.direct())) {
            var future = background.submit(() -> {
                throw new IllegalStateException("port busy");
            }, v -> { }, failures::add);
            assertThatThrownBy(future::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("port busy");
            assertThat(failures).singleElement().isInstanceOf(IllegalStateException.class);
        }
    }
}
