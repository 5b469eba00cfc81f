package org.excitrack.storage.recording;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
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
 * @param testStimulusNanoamps the test pulse's current as the session chose it and its tracker recorded it, nA,
 *     before any rounding by the unit (the pulses are as delivered); 0 for a trial without a test pulse; empty in
 *     schema-1 files and for trials recorded without it
 */
public record TrialRecord(TrialResult result, String section, String pointLabel, int channel, Instant hostTime,
                          Response response, String trackerStateJson, OptionalLong testStimulusNanoamps) {
    public TrialRecord {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(pointLabel, "pointLabel");
        Objects.requireNonNull(hostTime, "hostTime");
        Objects.requireNonNull(testStimulusNanoamps, "testStimulusNanoamps");
        if (channel < 0) {
            throw new IllegalArgumentException("channel " + channel + " is negative");
        }
    }

    /** A trial recorded without its test stimulus. */
    public TrialRecord(TrialResult result, String section, String pointLabel, int channel, Instant hostTime,
                       Response response, String trackerStateJson) {
        this(result, section, pointLabel, channel, hostTime, response, trackerStateJson, OptionalLong.empty());
    }

    public long trialId() {
        return result.trialId();
    }
}
