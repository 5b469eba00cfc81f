package org.excitrack.model.session;

/** Where a session is in its life. */
public enum SessionState {
    RUNNING, PAUSED, FINISHED, ABORTED, EMERGENCY_STOPPED, FAILED;

    public boolean isFinal() {
        return this == FINISHED || this == ABORTED || this == EMERGENCY_STOPPED || this == FAILED;
    }
}
