package org.excitrack.sim;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.excitrack.model.VirtualClock;

/**
 * What a simulated magnetic stimulator needs from the virtual acquisition unit it is wired to: the unit's time
 * and thread (so the stimulator lives in virtual time exactly when the unit does), its trigger lines, and who the
 * unit's subject is. A stimulator lives only as long as its unit: closing the unit runs the close hooks.
 */
public final class UnitAttachment {
    private final Scheduler scheduler;
    private final Executor unitThread;
    private final Consumer<TriggeredStimulator> connector;
    private final VirtualClock clock;
    private final String subjectName;
    private final org.excitrack.sim.subject.VirtualSubject subject;
    private final long seed;
    private final List<Runnable> closeHooks = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    UnitAttachment(Scheduler scheduler, Executor unitThread, Consumer<TriggeredStimulator> connector,
                   VirtualClock clock, org.excitrack.sim.subject.VirtualSubject subject, long seed) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.unitThread = Objects.requireNonNull(unitThread, "unitThread");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.clock = clock;
        this.subject = Objects.requireNonNull(subject, "subject");
        this.subjectName = subject.preset().name();
        this.seed = seed;
    }

    /** The unit's time; call it only on {@link #unitThread()}. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** Runs tasks on the unit's single thread; rejects them once the unit has stopped. */
    public Executor unitThread() {
        return unitThread;
    }

    /** Wires {@code stimulator} to the unit's trigger outputs (done on the unit's thread). */
    public void connect(TriggeredStimulator stimulator) {
        unitThread.execute(() -> connector.accept(stimulator));
    }

    /** The virtual clock, when the unit runs in virtual time. */
    public Optional<VirtualClock> clock() {
        return Optional.ofNullable(clock);
    }

    /** The unit's subject preset, e.g. {@code healthy}. */
    public String subjectName() {
        return subjectName;
    }

    /** The unit's virtual subject, e.g. to ask it for a contraction as an operator would. */
    public org.excitrack.sim.subject.VirtualSubject subject() {
        return subject;
    }

    public long seed() {
        return seed;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Runs {@code hook} when the unit closes (at once if it already has). */
    public void onClose(Runnable hook) {
        closeHooks.add(hook);
        if (closed && closeHooks.remove(hook)) {
            hook.run();
        }
    }

    void markClosed() {
        closed = true;
        for (Runnable hook : closeHooks) {
            if (closeHooks.remove(hook)) {
                hook.run();
            }
        }
    }
}
