package org.excitrack.session;

import java.util.concurrent.atomic.AtomicReference;
import org.excitrack.device.AcquisitionUnit;
import org.excitrack.model.session.SessionState;

/**
 * Pause, resume, abort and emergency stop, callable from any thread (a GUI button, a key, a signal handler).
 * Abort and emergency stop go to the unit at once, on the caller's thread, through the client's urgent path, so
 * they never wait behind the session's queued work; the session notices at its next step and ends.
 */
public final class SessionControl {
    private final AtomicReference<SessionState> requested = new AtomicReference<>(SessionState.RUNNING);
    private volatile AcquisitionUnit unit;
    private final Object pauseLock = new Object();
    private final java.util.List<Runnable> onStop = new java.util.concurrent.CopyOnWriteArrayList<>();

    void attach(AcquisitionUnit attached) {
        this.unit = attached;
    }

    /**
     * Also run {@code action} (e.g. disarming a magnetic stimulator) at once on abort and emergency stop, on the
     * caller's thread; it must not block or throw.
     */
    void onStop(Runnable action) {
        onStop.add(action);
    }

    public void pause() {
        requested.compareAndSet(SessionState.RUNNING, SessionState.PAUSED);
    }

    public void resume() {
        if (requested.compareAndSet(SessionState.PAUSED, SessionState.RUNNING)) {
            synchronized (pauseLock) {
                pauseLock.notifyAll();
            }
        }
    }

    /** Ends the session: the unit aborts the trial in flight now; nothing further is sent. */
    public void abort() {
        requested.set(SessionState.ABORTED);
        wake();
        AcquisitionUnit u = unit;
        if (u != null) {
            u.abort();
        }
        onStop.forEach(Runnable::run);
    }

    /** Emergency stop: the unit switches every output off now and stays stopped until cleared. */
    public void emergencyStop() {
        requested.set(SessionState.EMERGENCY_STOPPED);
        wake();
        AcquisitionUnit u = unit;
        if (u != null) {
            u.emergencyStop();
        }
        onStop.forEach(Runnable::run);
    }

    public SessionState requested() {
        return requested.get();
    }

    /**
     * Called by the session before each trial: returns at once when running, waits while paused, and throws
     * when the session has been stopped.
     *
     * @return true if the session was paused and has resumed
     */
    boolean checkpoint() throws InterruptedException {
        boolean waited = false;
        synchronized (pauseLock) {
            while (requested.get() == SessionState.PAUSED) {
                waited = true;
                pauseLock.wait();
            }
        }
        SessionState s = requested.get();
        if (s == SessionState.ABORTED || s == SessionState.EMERGENCY_STOPPED) {
            throw new SessionAbortedException(s, s == SessionState.ABORTED ? "aborted by the operator"
                    : "emergency stop");
        }
        return waited;
    }

    /**
     * What a trial the unit cut short or refused means when a stop was asked for from another thread. The stop can
     * reach the unit while a trial is in flight (the unit answers it ABORTED), or between the session's last
     * checkpoint and its next trial (after an emergency stop the unit refuses that trial EMERGENCY_STOPPED, its
     * outputs latched off). Either is the stop working, not the session failing.
     *
     * @return the session's end by abort or emergency stop if one was asked for, else {@code refused} itself
     */
    RuntimeException whenStopped(org.excitrack.device.UnitRefusedException refused) {
        SessionState s = requested.get();
        boolean stopWorking = refused.wasAborted() && (s == SessionState.ABORTED || s == SessionState.EMERGENCY_STOPPED)
                || refused.code().equals("EMERGENCY_STOPPED") && s == SessionState.EMERGENCY_STOPPED;
        if (stopWorking) {
            return new SessionAbortedException(s, s == SessionState.ABORTED ? "aborted by the operator"
                    : "emergency stop");
        }
        return refused;
    }

    private void wake() {
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
    }
}
