package org.excitrack.storage.recording;

import java.time.Instant;
import java.util.Objects;
import org.excitrack.model.Response;
import org.excitrack.model.TrialResult;

/**
 * One completed trial as stored: what the unit delivered and recorded, where it belongs in the protocol, the
 * measured response and the tracker's state after it.
 *
 * @param result the unit's report (trial id, unit time, stimulus as delivered, sweep)
 * @param section protocol section, e.g. "TE"
 * @param pointLabel tracked point within the section, e.g. "TEh(10-20ms)"
 * @param channel recording channel the response was measured on, from 0
 * @param hostTime host wall-clock time when the trial completed
 * @param response response measures, or {@code null} if none were measured
 * @param trackerStateJson the tracker's state after this trial as a JSON object, or {@code null}
 */
public record TrialRecord(TrialResult result, String section, String pointLabel, int channel, Instant hostTime,
                          Response response, String trackerStateJson) {
    public TrialRecord {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(pointLabel, "pointLabel");
        Objects.requireNonNull(hostTime, "hostTime");
        if (channel < 0) {
            throw new IllegalArgumentException("channel " + channel + " is negative");
        }
    }

    public long trialId() {
        return result.trialId();
    }
}
