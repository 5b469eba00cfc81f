package org.excitrack.model.session;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import org.excitrack.model.Response;
import org.excitrack.model.TrialResult;

/**
 * What a running session reports, as immutable values a GUI or the command line can show on any thread.
 * Listeners are called on the session's thread and must not block it.
 */
public sealed interface SessionEvent {

    /** The session moved between running, paused and its end states. */
    record StateChanged(SessionState state, String reason) implements SessionEvent {
    }

    record SectionStarted(int index, int sections, String name) implements SessionEvent {
    }

    record SectionFinished(int index, String name) implements SessionEvent {
    }

    /** The stimulus-response step found the maximal response and set the tracking target. */
    record MaximalResponse(double maximalMicrovolts, long stimulusNanoamps, double targetMicrovolts)
            implements SessionEvent {
    }

    /**
     * One trial done: what was given, what came back, and what was measured.
     *
     * @param thresholdNanoamps the point's threshold as its tracker estimates it after this trial; empty for an
     *        untracked trial (stimulus-response, conditioning alone) and while the tracker has no estimate yet
     * @param measured the sweep the response was measured in, with the measurement window (a live view's trace)
     */
    record Trial(long trialId, String section, String point, String channel, long testNanoamps, Response response,
                 TrialResult result, OptionalDouble thresholdNanoamps, MeasuredSweep measured)
            implements SessionEvent {
        public Trial {
            Objects.requireNonNull(thresholdNanoamps, "thresholdNanoamps");
            Objects.requireNonNull(measured, "measured");
        }
    }

    /** A tracked point's threshold with its standard error, final for that point. */
    record Threshold(String section, String point, String channel, double thresholdNanoamps,
                     double standardErrorNanoamps, int stimuli, boolean converged) implements SessionEvent {
    }

    /**
     * A magnetic trial: the pulses as set up, the MEP (peak-to-peak in the MEP window) and the EMG before the first
     * pulse. A rejected trial (muscle not at rest) is given again and tracks nothing.
     *
     * @param testPercentMso the test pulse's output, the intensity a tracked point follows
     * @param measured the sweep with the MEP window (a live view's trace)
     */
    record MagneticTrial(long trialId, String section, String point, String channel,
                         java.util.List<org.excitrack.model.tms.DeliveredMagneticPulse> pulses, double mepMicrovolts,
                         double backgroundMicrovolts, boolean rejected, int testPercentMso, MeasuredSweep measured)
            implements SessionEvent {
        public MagneticTrial {
            pulses = java.util.List.copyOf(pulses);
            Objects.requireNonNull(measured, "measured");
        }
    }

    /** A magnetic threshold, final: a motor threshold or a tracked point's, in %MSO. */
    record MagneticThresholdFound(String section, String point, String channel,
                                  org.excitrack.model.tms.MagneticThreshold threshold) implements SessionEvent {
    }

    /** An operator prompt and the answer given. */
    record Prompt(String text, String answer) implements SessionEvent {
    }

    /**
     * How far the session has come: trials given against the plan's estimate, the estimated time left, the
     * current section, and the latest threshold of the control channel.
     */
    record Progress(long trialsDone, long trialsExpected, Duration remaining, String section,
                    OptionalDouble controlThresholdMilliamps) implements SessionEvent {
        public double fraction() {
            return trialsExpected == 0 ? 1 : Math.min(1, (double) trialsDone / trialsExpected);
        }
    }

    /** Something the operator should know now: noise, a limit, a point that did not converge. */
    record Warning(String kind, String message) implements SessionEvent {
    }
}
