package org.excitrack.sim;

import java.util.Comparator;
import java.util.PriorityQueue;

/** A scheduler whose clock moves only when a test says so; tasks run in due order on the test's thread. */
public final class ManualScheduler implements Scheduler {
    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            Comparator.comparingLong(Task::dueMicros).thenComparingLong(Task::order));
    private long now;
    private long order;

    @Override
    public long nowMicros() {
        return now;
    }

    @Override
    public Cancellable schedule(long delayMicros, Runnable task) {
        Task t = new Task(now + Math.max(0, delayMicros), order++, task, new boolean[1]);
        tasks.add(t);
        return () -> t.cancelled()[0] = true;
    }

    /** Moves the clock forward, running every task that falls due, in order. */
    public void advanceMillis(long millis) {
        advanceMicros(millis * 1000);
    }

    public void advanceMicros(long micros) {
        long until = now + micros;
        while (!tasks.isEmpty() && tasks.peek().dueMicros() <= until) {
            Task t = tasks.poll();
            now = t.dueMicros();
            if (!t.cancelled()[0]) {
                t.runnable().run();
            }
        }
        now = until;
    }

    private record Task(long dueMicros, long order, Runnable runnable, boolean[] cancelled) {
    }
}
