package org.excitrack.sim;

/**
 * Time and deferred work for the virtual unit. All callbacks run on the unit's single thread, so the unit
 * needs no locks; tests drive a manual implementation and control time exactly.
 */
public interface Scheduler {
    /** The unit's monotonic clock in microseconds. */
    long nowMicros();

    /** Runs {@code task} on the unit's thread after {@code delayMicros}. */
    Cancellable schedule(long delayMicros, Runnable task);

    /** A scheduled task that can be withdrawn before it runs. */
    interface Cancellable {
        void cancel();
    }
}
