package org.excitrack.device.magstim;

import java.util.Optional;
import org.excitrack.model.VirtualClock;

/**
 * The driver's time: the monotonic clock with hardware, the simulator's clock in virtual time. In virtual time
 * nothing happens unless the driver (or the session) advances the clock, so the driver runs no timer thread.
 */
final class DriverClock {
    private final VirtualClock virtual;

    DriverClock(Optional<VirtualClock> virtual) {
        this.virtual = virtual.orElse(null);
    }

    boolean isVirtual() {
        return virtual != null;
    }

    long nowNanos() {
        return virtual == null ? System.nanoTime() : virtual.nowMicros() * 1000L;
    }

    /** Lets time run to {@code nanos} (a {@link #nowNanos()} value): sleeps, or advances the virtual clock. */
    void runUntil(long nanos) throws InterruptedException {
        if (virtual != null) {
            virtual.advanceTo((nanos + 999) / 1000);
            return;
        }
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
    }
}
