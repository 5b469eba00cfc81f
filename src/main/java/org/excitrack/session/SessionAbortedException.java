package org.excitrack.session;
import org.excitrack.model.session.SessionState;

/** The session was stopped by the operator (abort or emergency stop) before it finished. */
public final class SessionAbortedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final SessionState state;

    public SessionAbortedException(SessionState state, String reason) {
        super(reason);
        this.state = state;
    }

    public SessionState state() {
        return state;
    }
}
