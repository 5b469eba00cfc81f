package org.excitrack.model.session;

/** Receives a session's events, on the session's thread. */
@FunctionalInterface
public interface SessionListener {
    void on(SessionEvent event);
}
