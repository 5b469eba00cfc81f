package org.excitrack.session;

import org.excitrack.model.VirtualClock;

/**
 * A virtual clock that, while it lets simulated time run, calls {@code feed} at least every {@code everyMicros}:
 * in virtual time, when a stimulator's driver waits (a power drop, charging) it advances the clock itself, and the
 * acquisition unit's watchdog must still hear from the session meanwhile, as it would from the client's
 * heartbeat thread in real time.
 */
public final class FeedingClock implements VirtualClock {
    private final VirtualClock clock;
    private final long everyMicros;
    private final Runnable feed;

    public FeedingClock(VirtualClock clock, long everyMicros, Runnable feed) {
        if (everyMicros <= 0) {
            throw new IllegalArgumentException("feeding period " + everyMicros + " µs must be positive");
        }
        this.clock = clock;
        this.everyMicros = everyMicros;
        this.feed = feed;
    }

    @Override
    public long nowMicros() {
        return clock.nowMicros();
    }

    @Override
    public void advanceTo(long micros) throws InterruptedException {
        while (clock.nowMicros() < micros) {
            clock.advanceTo(Math.min(micros, clock.nowMicros() + everyMicros));
            feed.run();
        }
    }
}
