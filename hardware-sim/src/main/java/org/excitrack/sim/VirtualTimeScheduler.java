package org.excitrack.sim;

import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.excitrack.model.VirtualClock;

/**
 * Discrete-event time for the virtual unit. Time moves in two ways only: while a trial runs, the unit jumps
 * straight to its next due task (the controller is waiting for the result and needs nothing else to happen);
 * between trials, only the controller moves it, through {@link #advanceTo}, running everything due in order.
 * So a watchdog still expires if the controller lets simulated time pass without a command, and a whole
 * protocol's intervals cost no real time.
 *
 * <p>{@link #schedule} and {@link #settle} run on the unit's thread; {@link #advanceTo} may be called from any
 * thread and hands its work to the unit's thread. Public so that other simulated devices (the virtual MagPro)
 * can run on a thread and clock of their own, or share the unit's.
 */
public final class VirtualTimeScheduler implements Scheduler, VirtualClock {
    private final ExecutorService unitThread;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private volatile long nowMicros;
    private long sequence;

    /** @param unitThread the single thread every scheduled task runs on */
    public VirtualTimeScheduler(ExecutorService unitThread) {
        this.unitThread = unitThread;
    }

    @Override
    public long nowMicros() {
        return nowMicros;
    }

    @Override
    public Cancellable schedule(long delayMicros, Runnable task) {
        Task t = new Task(nowMicros + Math.max(0, delayMicros), sequence++, task);
        queue.add(t);
        return () -> t.cancelled = true;
    }

    /** On the unit's thread: while {@code busy}, run the next due task at its time. */
    void settle(BooleanSupplier busy) {
        while (busy.getAsBoolean()) {
            Task next = pollLive();
            if (next == null) {
                return;
            }
            nowMicros = Math.max(nowMicros, next.dueMicros);
            next.task.run();
        }
    }

    @Override
    public void advanceTo(long micros) throws InterruptedException {
        Future<?> done;
        try {
            done = unitThread.submit(() -> runUntil(micros));
        } catch (RejectedExecutionException e) {
            return;
        }
        try {
            done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the virtual unit failed while time advanced", e.getCause());
        }
    }

    private void runUntil(long micros) {
        while (true) {
            Task next = queue.peek();
            if (next == null || next.dueMicros > micros) {
                break;
            }
            queue.poll();
            if (!next.cancelled) {
                nowMicros = Math.max(nowMicros, next.dueMicros);
                next.task.run();
            }
        }
        nowMicros = Math.max(nowMicros, micros);
    }

    private Task pollLive() {
        Task t = queue.poll();
        while (t != null && t.cancelled) {
            t = queue.poll();
        }
        return t;
    }

    private static final class Task implements Comparable<Task> {
        final long dueMicros;
        final long order;
        final Runnable task;
        volatile boolean cancelled;

        Task(long dueMicros, long order, Runnable task) {
            this.dueMicros = dueMicros;
            this.order = order;
            this.task = task;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(dueMicros, o.dueMicros);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }
}
