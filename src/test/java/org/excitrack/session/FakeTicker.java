package org.excitrack.session;

import java.util.ArrayList;
import java.util.List;

/** Virtual time: records every requested sleep and advances the clock by it; nothing really waits. */
public final class FakeTicker implements Ticker {
    /** Every value passed to {@link #sleepNanos}, in order, including zero and negative requests. */
    public final List<Long> sleeps = new ArrayList<>();
    public long now;
    /** When set, the next sleep throws instead of waiting, as if the thread was interrupted. */
    public boolean interruptNextSleep;

    public FakeTicker(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
        sleeps.add(nanos);
        if (interruptNextSleep) {
            interruptNextSleep = false;
            throw new InterruptedException("interrupted by the test");
        }
        if (nanos > 0) {
            now += nanos;
        }
    }

    public void advanceMillis(long millis) {
        now += millis * 1_000_000L;
    }

    /** Only the sleeps that actually waited. */
    public List<Long> positiveSleeps() {
        return sleeps.stream().filter(s -> s > 0).toList();
    }
}
