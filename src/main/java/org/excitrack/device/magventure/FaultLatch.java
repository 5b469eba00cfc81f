package org.excitrack.device.magventure;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.excitrack.model.tms.StimulatorFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the first fault until a blocking call reports it, and tells the listeners about every fault. Any thread
 * may raise; the control thread takes.
 */
final class FaultLatch {
    private static final Logger LOG = LoggerFactory.getLogger(FaultLatch.class);
    private final List<Consumer<StimulatorFault>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<StimulatorFault> pending = new AtomicReference<>();

    void onFault(Consumer<StimulatorFault> listener) {
        listeners.add(listener);
    }

    /**
     * Keeps the fault unless an earlier one is still unreported (the earlier is the cause). Cheap, so it can come
     * before anything else a fault sets off: whoever then sees the stimulator disarmed also sees why.
     */
    void hold(StimulatorFault fault) {
        pending.compareAndSet(null, fault);
    }

    /** Logs the fault and tells every listener. */
    void announce(StimulatorFault fault) {
        LOG.error(fault.message());
        for (Consumer<StimulatorFault> listener : listeners) {
            try {
                listener.accept(fault);
            } catch (RuntimeException e) {
                LOG.error("fault listener failed", e);
            }
        }
    }

    /** The unreported fault, now reported: the latch is empty afterwards. */
    Optional<StimulatorFault> take() {
        return Optional.ofNullable(pending.getAndSet(null));
    }
}
