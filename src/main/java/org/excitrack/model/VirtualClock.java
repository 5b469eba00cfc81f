package org.excitrack.model;

/**
 * Simulated time that passes only when the session lets it, so a whole protocol against the in-process
 * simulator runs as fast as the computer allows while every interval, trial duration and watchdog keeps its
 * meaning. Real hardware has no virtual clock.
 */
public interface VirtualClock {
    /** Simulated microseconds since the simulation started. */
    long nowMicros();

    /**
     * Lets simulated time run up to {@code micros}; everything due by then happens, in order, before this returns.
     * A time already past changes nothing.
     */
    void advanceTo(long micros) throws InterruptedException;
}
