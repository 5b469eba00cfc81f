package org.excitrack.session;

import org.excitrack.model.VirtualClock;

/**
 * Session time on a simulator's virtual clock: waiting advances simulated time instead of sleeping. Long waits
 * advance in steps no longer than {@code keepAliveEveryMicros}, with a keep-alive command between them, so the
 * unit's watchdog sees a controller that is still there, exactly as the client's heartbeat does in real time.
 */
public final class VirtualTicker implements Ticker {
    private final VirtualClock clock;
    private final long keepAliveEveryMicros;
    private final Runnable keepAlive;

    public VirtualTicker(VirtualClock clock, long keepAliveEveryMicros, Runnable keepAlive) {
        if (keepAliveEveryMicros <= 0) {
            throw new IllegalArgumentException("keep-alive period " + keepAliveEveryMicros + " µs must be positive");
        }
        this.clock = clock;
        this.keepAliveEveryMicros = keepAliveEveryMicros;
        this.keepAlive = keepAlive;
    }

    @Override
    public long nanoTime() {
        return clock.nowMicros() * 1000L;
    }

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
        if (nanos <= 0) {
            return;
        }
        long target = clock.nowMicros() + (nanos + 999) / 1000;
        while (clock.nowMicros() < target) {
            long step = Math.min(target, clock.nowMicros() + keepAliveEveryMicros);
            if (step < target) {
                keepAlive.run();
            }
            clock.advanceTo(step);
        }
    }
}
