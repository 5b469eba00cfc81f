package org.excitrack.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.excitrack.model.session.SessionState;
import org.excitrack.session.SessionControl;

/**
 * Pause, resume, abort and emergency stop for a run, from any thread: what a GUI's buttons and the command
 * line's Ctrl-C call. Abort and emergency stop reach the unit at once, never behind queued work, and close any
 * operator prompt that is open so the session does not wait for an answer nobody needs.
 */
public final class RunControl {
    private final SessionControl session = new SessionControl();
    private final List<Runnable> onStop = new CopyOnWriteArrayList<>();

    public void pause() {
        session.pause();
    }

    public void resume() {
        session.resume();
    }

    public void abort() {
        session.abort();
        onStop.forEach(Runnable::run);
    }

    public void emergencyStop() {
        session.emergencyStop();
        onStop.forEach(Runnable::run);
    }

    /** What was last asked for: running, paused, aborted or emergency-stopped. */
    public SessionState requested() {
        return session.requested();
    }

    /** Also run {@code action} after the unit was told to stop; it must not block or throw. */
    void onStop(Runnable action) {
        onStop.add(action);
    }

    SessionControl session() {
        return session;
    }
}
