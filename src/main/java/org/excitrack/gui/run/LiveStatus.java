package org.excitrack.gui.run;

import java.time.Duration;
import org.excitrack.model.session.SessionState;

/**
 * Where the run is, as the "Now" card shows it: replaced whole by the session's thread on every event (one
 * writer), read whole by the FX thread once per frame, so the card never shows half of one trial and half of
 * the next.
 *
 * @param state the session's state, null before it has started
 * @param section the current section's name, empty before the first
 * @param sectionNumber 1-based, 0 before the first
 * @param remaining the session's estimate of the time left at the protocol's pace
 * @param stimulus the last stimulus given ("4.21 mA × 1.0 ms", "45 %MSO")
 * @param lastThreshold the last threshold found, with where ("Charge-duration 0.2 ms: 5.12 mA")
 */
record LiveStatus(SessionState state, String reason, String section, int sectionNumber, int sections,
                  long trialsDone, long trialsExpected, Duration remaining, String stimulus, String lastThreshold) {

    static final LiveStatus IDLE = new LiveStatus(null, "", "", 0, 0, 0, 0, Duration.ZERO, "", "");

    LiveStatus withState(SessionState newState, String newReason) {
        return new LiveStatus(newState, newReason, section, sectionNumber, sections, trialsDone, trialsExpected,
                remaining, stimulus, lastThreshold);
    }

    LiveStatus withSection(int number, int count, String name) {
        return new LiveStatus(state, reason, name, number, count, trialsDone, trialsExpected, remaining, stimulus,
                lastThreshold);
    }

    LiveStatus withProgress(long done, long expected, Duration left) {
        return new LiveStatus(state, reason, section, sectionNumber, sections, done, expected, left, stimulus,
                lastThreshold);
    }

    LiveStatus withStimulus(String given) {
        return new LiveStatus(state, reason, section, sectionNumber, sections, trialsDone, trialsExpected, remaining,
                given, lastThreshold);
    }

    LiveStatus withThreshold(String found) {
        return new LiveStatus(state, reason, section, sectionNumber, sections, trialsDone, trialsExpected, remaining,
                stimulus, found);
    }

    /** 0..1; 0 until the session has an estimate of the trials it will give. */
    double fraction() {
        return trialsExpected <= 0 ? 0 : Math.min(1, (double) trialsDone / trialsExpected);
    }
}
