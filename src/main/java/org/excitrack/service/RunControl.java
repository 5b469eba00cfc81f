package org.excitrack.service;

import org.excitrack.session.SessionControl;

/**
 * Pause, resume, abort and emergency stop for a run, from any thread: what a GUI's buttons and the command
 * line's Ctrl-C call. Abort and emergency stop reach the unit at once, never behind queued work.
 */
public final class RunControl {
    private final SessionControl session = new SessionControl();

    public void pause() {
        session.pause();
    }

    public void resume() {
        session.resume();
    }

    public void abort() {
        session.abort();
    }

    public void emergencyStop() {
        session.emergencyStop();
    }

    SessionControl session() {
        return session;
    }
}
