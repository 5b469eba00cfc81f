package org.excitrack.device.magventure;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.excitrack.model.VirtualClock;

/**
 * How the driver waits: on the wall clock with hardware, or by advancing the simulator's virtual clock, so that
 * a reply due after the stimulator's response time arrives without any real time passing.
 */
abstract class DeviceTime {
    abstract long nanoTime();

    abstract void pause(long nanos) throws InterruptedException;

    /** The future's value, or {@link TimeoutException} once {@code timeoutNanos} of device time have passed. */
    abstract <T> T await(CompletableFuture<T> future, long timeoutNanos)
            throws TimeoutException, ExecutionException, InterruptedException;

    static DeviceTime real() {
        return new Real();
    }

    static DeviceTime virtual(VirtualClock clock) {
        return new Virtual(clock);
    }

    private static final class Real extends DeviceTime {
        @Override
        long nanoTime() {
            return System.nanoTime();
        }

        @Override
        void pause(long nanos) throws InterruptedException {
            if (nanos > 0) {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        }

        @Override
        <T> T await(CompletableFuture<T> future, long timeoutNanos)
                throws TimeoutException, ExecutionException, InterruptedException {
            return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Simulated time moves only when asked. Waiting gives the simulator a moment of real time to answer, then
     * moves its clock one small step, and repeats until the deadline in simulated time; bytes already on their
     * way when the deadline passes still get a short real-time grace, so a loaded computer cannot fake a timeout.
     */
    private static final class Virtual extends DeviceTime {
        private static final long STEP_MICROS = 5_000;
        private static final long REAL_SLICE_MICROS = 2_000;
        private static final long REAL_GRACE_MILLIS = 250;
        private final VirtualClock clock;

        Virtual(VirtualClock clock) {
            this.clock = clock;
        }

        @Override
        long nanoTime() {
            return clock.nowMicros() * 1000L;
        }

        @Override
        void pause(long nanos) throws InterruptedException {
            if (nanos > 0) {
                clock.advanceTo(clock.nowMicros() + (nanos + 999) / 1000);
            }
        }

        @Override
        <T> T await(CompletableFuture<T> future, long timeoutNanos)
                throws TimeoutException, ExecutionException, InterruptedException {
            long deadline = clock.nowMicros() + timeoutNanos / 1000;
            while (true) {
                try {
                    return future.get(REAL_SLICE_MICROS, TimeUnit.MICROSECONDS);
                } catch (TimeoutException notYet) {
                    long now = clock.nowMicros();
                    if (now >= deadline) {
                        break;
                    }
                    clock.advanceTo(Math.min(deadline, now + STEP_MICROS));
                }
            }
            return future.get(REAL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
