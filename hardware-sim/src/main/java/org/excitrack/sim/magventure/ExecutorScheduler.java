package org.excitrack.sim.magventure;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.excitrack.sim.Scheduler;

/** Real time on one scheduled thread: what a simulated device runs on when it is served on its own. */
final class ExecutorScheduler implements Scheduler {
    private final ScheduledExecutorService thread;
    private final long originNanos = System.nanoTime();

    ExecutorScheduler(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    @Override
    public long nowMicros() {
        return (System.nanoTime() - originNanos) / 1000;
    }

    @Override
    public Cancellable schedule(long delayMicros, Runnable task) {
        try {
            ScheduledFuture<?> future = thread.schedule(task, Math.max(0, delayMicros), TimeUnit.MICROSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> { };
        }
    }
}
