package org.excitrack.device.magventure;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.excitrack.codec.magventure.MagProMessage;

/** The MagPro's pulse messages: counted, the last one kept, passed to listeners, awaited by a serial trigger. */
final class PulseCounter {
    private final AtomicLong count = new AtomicLong();
    private final List<Consumer<MagProMessage.PulseFired>> listeners = new CopyOnWriteArrayList<>();
    private volatile MagProMessage.PulseFired last;

    /** On the reader thread. */
    void received(MagProMessage.PulseFired pulse) {
        count.incrementAndGet();
        last = pulse;
        listeners.forEach(l -> l.accept(pulse));
    }

    void onPulse(Consumer<MagProMessage.PulseFired> listener) {
        listeners.add(listener);
    }

    /**
     * Completes with the next pulse message after this call. Register before sending the trigger, so a message
     * that arrives at once is not missed; {@link #stopWaiting} afterwards.
     */
    CompletableFuture<MagProMessage.PulseFired> next() {
        CompletableFuture<MagProMessage.PulseFired> next = new CompletableFuture<>();
        Consumer<MagProMessage.PulseFired> watch = next::complete;
        listeners.add(watch);
        next.whenComplete((p, e) -> listeners.remove(watch));
        return next;
    }

    void stopWaiting(CompletableFuture<MagProMessage.PulseFired> waiting) {
        waiting.cancel(false);
    }

    long count() {
        return count.get();
    }

    Optional<MagProMessage.PulseFired> last() {
        return Optional.ofNullable(last);
    }
}
