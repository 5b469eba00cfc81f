package org.excitrack.session;

import java.util.function.Consumer;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionState;

/** How both sessions report a section's start and end, and a failure: as an event and in the recording. */
final class SectionLog {
    private final SessionRecorder recorder;
    private final Consumer<SessionEvent> events;

    SectionLog(SessionRecorder recorder, Consumer<SessionEvent> events) {
        this.recorder = recorder;
        this.events = events;
    }

    void started(int index, int sections, String name) {
        events.accept(new SessionEvent.SectionStarted(index, sections, name));
        recorder.event("section", "started " + name);
    }

    void finished(int index, String name) {
        events.accept(new SessionEvent.SectionFinished(index, name));
        recorder.event("section", "finished " + name);
    }

    void failed(RuntimeException e) {
        recorder.event("failure", String.valueOf(e.getMessage()));
        events.accept(new SessionEvent.StateChanged(SessionState.FAILED, e.getMessage()));
    }
}
