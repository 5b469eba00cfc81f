package org.excitrack.gui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every device and disk operation the GUI starts runs here, never on the FX thread; results and failures come
 * back through the {@link UiThread}. Threads are daemons so closing the window never hangs on them.
 */
public final class Background implements AutoCloseable {
    private final ExecutorService executor;
    private final UiThread ui;

    public Background(UiThread ui) {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "excitrack-gui-io-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.ui = ui;
    }

    /**
     * Runs {@code work} off the FX thread, then {@code done} or {@code failed} on it. The returned future completes
     * only after that callback has run, so a test (or a caller chaining work) sees the published state; it fails
     * with the work's error. Never join it on the FX thread.
     */
    public <T> CompletableFuture<T> submit(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        CompletableFuture<T> published = new CompletableFuture<>();
        CompletableFuture.supplyAsync(work, executor).whenComplete((value, error) -> ui.run(() -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            try {
                if (cause == null) {
                    done.accept(value);
                } else {
                    failed.accept(cause);
                }
            } finally {
                if (cause == null) {
                    published.complete(value);
                } else {
                    published.completeExceptionally(cause);
                }
            }
        }));
        return published;
    }

    /**
     * Like {@link #submit}, for work whose failure is shown rather than handed on: the future completes normally once
     * either callback has run on the UI thread, so a test joins it and then reads what the screen shows.
     */
    public <T> CompletableFuture<Void> show(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        return submit(work, done, failed).handle((value, error) -> null);
    }

    public UiThread ui() {
        return ui;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
