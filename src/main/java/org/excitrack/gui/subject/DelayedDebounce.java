package org.excitrack.gui.subject;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.excitrack.gui.common.UiThread;

/** A {@link Debounce} that waits {@code delay} after the last request, on a daemon timer thread of its own. */
final class DelayedDebounce implements Debounce {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "excitrack-gui-debounce");
        t.setDaemon(true);
        return t;
    });

    private final Duration delay;
    private final UiThread ui;
    private ScheduledFuture<?> pending;

    DelayedDebounce(Duration delay, UiThread ui) {
        this.delay = delay;
        this.ui = ui;
    }

    @Override
    public synchronized void request(Runnable action) {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = TIMER.schedule(() -> ui.run(action), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
