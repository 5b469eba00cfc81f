package org.excitrack.session;

import org.excitrack.model.Response;
import org.excitrack.model.TrialResult;
import org.excitrack.tracking.ThresholdBasis;
import org.excitrack.tracking.ThresholdEstimate;

/**
 * Where a session writes what happens, as it happens: each trial the moment it completes, thresholds, events
 * and answered prompts. {@link RecordingFileRecorder} commits each to a crash-safe recording file.
 */
public interface SessionRecorder {
    void trial(String section, String point, int channel, TrialResult result, Response response, String trackerState);

    void threshold(String section, String point, int channel, ThresholdEstimate estimate, int stimuli);

    /**
     * A trial with the test stimulus the session chose for it (what its tracker recorded, before the unit's
     * rounding; 0 without a test pulse). By default recorded as {@link #trial} without it.
     */
    default void trial(String section, String point, int channel, long testStimulusNanoamps, TrialResult result,
                       Response response, String trackerState) {
        trial(section, point, channel, result, response, trackerState);
    }

    /**
     * A threshold with what its estimate was computed from, so it can be recomputed. By default recorded as
     * {@link #threshold} without it.
     */
    default void threshold(String section, String point, int channel, ThresholdEstimate estimate, int stimuli,
                           ThresholdBasis basis) {
        threshold(section, point, channel, estimate, stimuli);
    }

    void event(String kind, String detail);

    void prompt(String text, String answer);

    /** The magnetic pulses of a trial already recorded with {@link #trial}, as they were set up. */
    default void magneticPulses(long trialId, java.util.List<org.excitrack.model.tms.DeliveredMagneticPulse> pulses) {
    }

    /** A magnetic threshold (%MSO): a motor threshold (empty point) or a tracked point's. */
    default void magneticThreshold(String section, String point, String channel,
                                   org.excitrack.model.tms.MagneticThreshold threshold) {
    }

    /**
     * The cortical silent period looked for in a trial already recorded with {@link #trial} (a trial given during a
     * held contraction); empty when none was found.
     */
    default void silentPeriod(long trialId, java.util.Optional<org.excitrack.tracking.tms.SilentPeriod> silentPeriod) {
    }

    /** Records nothing, for dry runs and tests that only listen to events. */
    SessionRecorder NONE = new SessionRecorder() {
        @Override
        public void trial(String section, String point, int channel, TrialResult result, Response response,
                          String trackerState) {
        }

        @Override
        public void threshold(String section, String point, int channel, ThresholdEstimate estimate, int stimuli) {
        }

        @Override
        public void event(String kind, String detail) {
        }

        @Override
        public void prompt(String text, String answer) {
        }
    };
}
