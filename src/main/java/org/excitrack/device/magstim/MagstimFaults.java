package org.excitrack.device.magstim;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.excitrack.device.StimulatorException;
import org.excitrack.model.tms.StimulatorFault;
import org.excitrack.model.tms.StimulatorModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the driver does with a fault, wherever it is found: disarm at once (best effort, confirmed or not), tell
 * the {@link MagstimStimulator#onFault} listeners, and build the exception whose message names the stimulator
 * and its port and says what to do. A fault found in the background (keep-alive, the reader thread) is kept here
 * until the next blocking call throws it.
 */
final class MagstimFaults {
    /** Logged under the driver's name, as before the driver was split, so log configurations still apply. */
    private static final Logger LOG = LoggerFactory.getLogger(MagstimStimulator.class);

    private final StimulatorModel model;
    private final MagstimLine line;
    private final BooleanSupplier disarm;
    private final List<Consumer<StimulatorFault>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<StimulatorFault> pendingFault = new AtomicReference<>();
    /** The reader and the control thread may both find the link gone; the listeners hear it once. */
    private final AtomicBoolean linkLossReported = new AtomicBoolean();

    /** @param disarm the driver's priority disarm; true when the stimulator confirmed it */
    MagstimFaults(StimulatorModel model, MagstimLine line, BooleanSupplier disarm) {
        this.model = model;
        this.line = line;
        this.disarm = disarm;
    }

    /** The stimulator and its port, as every message names it. */
    String describe() {
        return model.displayName() + " on " + line.port();
    }

    void onFault(Consumer<StimulatorFault> listener) {
        listeners.add(listener);
    }

    /**
     * Disarms, tells the listeners and returns the exception to throw. A fault found in the background (keep-alive)
     * is kept for the next blocking call by the caller; while one is kept, later faults only disarm, so listeners
     * hear of a failing line once rather than at every keep-alive.
     */
    StimulatorException raise(StimulatorFault.Kind kind, String detail) {
        boolean confirmed = kind != StimulatorFault.Kind.LINK_LOST && disarm.getAsBoolean();
        String message = describe() + ": " + detail + ". " + (confirmed ? "The stimulator is disarmed."
                : "Disarm was not confirmed: disarm it at its front panel.");
        StimulatorFault f = new StimulatorFault(kind, message);
        // A lost link is told by whoever finds it first (this thread or the reader); other faults are told unless
        // one found in the background still waits to be thrown.
        boolean tellNow = kind == StimulatorFault.Kind.LINK_LOST ? !linkLossReported.getAndSet(true)
                : pendingFault.get() == null;
        if (tellNow) {
            tell(f);
        }
        return new StimulatorException(f);
    }

    /**
     * e.g. {@code Could not connect to a Magstim 200² on serial:/dev/ttyS0 (9600 baud): no answer to Q@ …}. While
     * connecting nothing is armed and no one listens yet, so this only builds the exception.
     */
    StimulatorException connectFailure(StimulatorFault.Kind kind, String detail) {
        return new StimulatorException(new StimulatorFault(kind, "Could not connect to a " + model.displayName()
                + " on " + line.port() + ": " + detail));
    }

    /** Keeps a fault found in the background for the next blocking call; the first one kept wins. */
    void keepForNextCall(StimulatorFault fault) {
        pendingFault.compareAndSet(null, fault);
    }

    /** Throws the fault found in the background since the last call, if any. */
    void throwIfKept() {
        StimulatorFault f = pendingFault.getAndSet(null);
        if (f != null) {
            throw new StimulatorException(f);
        }
    }

    /** The reader found the link gone: nothing can be disarmed over it, so the user must act at the stimulator. */
    void linkLost(String why) {
        StimulatorFault f = new StimulatorFault(StimulatorFault.Kind.LINK_LOST, describe() + ": " + why
                + ". Disarm it at its front panel and check the cable.");
        pendingFault.compareAndSet(null, f);
        if (!linkLossReported.getAndSet(true)) {
            tell(f);
        }
    }

    private void tell(StimulatorFault f) {
        LOG.error("{}", f.message());
        for (Consumer<StimulatorFault> listener : listeners) {
            try {
                listener.accept(f);
            } catch (RuntimeException e) {
                // A listener's bug must not stop fault handling or the other listeners.
                LOG.error("fault listener failed", e);
            }
        }
    }
}
