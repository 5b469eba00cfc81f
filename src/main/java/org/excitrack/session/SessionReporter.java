package org.excitrack.session;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import org.excitrack.model.Response;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialResult;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.session.MeasuredSweep;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionListener;
import org.excitrack.tracking.CmapMeasurer;

/**
 * What the nerve session tells the world while it runs: events to its listeners, warnings (recorded as well as
 * reported), and each trial as it completes, recorded under the current section and counted for the progress
 * estimate. Every trial goes through here, so the trial count and the time left cannot drift from what was
 * recorded.
 */
final class SessionReporter {
    /** A test-alone baseline noisier than this means poor electrode contact or a missing earth. */
    private static final double NOISY_MICROVOLTS_RMS = 50;

    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final SessionRecorder recorder;
    private final CmapMeasurer measurer;
    /** The session's latest thresholds by channel; progress shows the control's (the first one set). */
    private final Map<String, Long> thresholds;
    private final ProgressEstimate progress;
    private final long intervalMicros;
    private long trialsDone;
    private boolean warnedNoise;
    private String section = "";

    SessionReporter(SessionRecorder recorder, CmapMeasurer measurer, Map<String, Long> thresholds,
                    ProgressEstimate progress, long intervalMicros) {
        this.recorder = recorder;
        this.measurer = measurer;
        this.thresholds = thresholds;
        this.progress = progress;
        this.intervalMicros = intervalMicros;
    }

    void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    /** The section trials are recorded under from now on, the plan's {@code index}-th. */
    void enterSection(int index, String name) {
        section = name;
        progress.enter(index);
    }

    String section() {
        return section;
    }

    long trialsDone() {
        return trialsDone;
    }

    void emit(SessionEvent event) {
        if (event instanceof SessionEvent.Threshold) {
            progress.pointFinished();
        }
        for (SessionListener l : listeners) {
            l.on(event);
        }
    }

    void warn(String kind, String message) {
        recorder.event("warning", kind + ": " + message);
        emit(new SessionEvent.Warning(kind, message));
    }

    /** The sweep with the window the measurer searched, so a live view shades what was measured. */
    MeasuredSweep measured(Sweep sweep, long onsetMicros) {
        return new MeasuredSweep(sweep, onsetMicros + measurer.windowStartAfterOnsetMicros(),
                onsetMicros + measurer.windowEndAfterOnsetMicros());
    }

    /** Records a completed trial, reports it, warns once of a noisy baseline, and reports the progress. */
    void trial(String point, int channelIndex, ChannelPlan channel, long stimulus, Response response,
               TrialResult result, String state, MeasuredSweep measured, OptionalDouble estimate) {
        trialsDone++;
        progress.trial();
        recorder.trial(section, point, channelIndex, stimulus, result, response, state);
        emit(new SessionEvent.Trial(result.trialId(), section, point, channel.name(), stimulus, response, result,
                estimate, measured));
        // only a test pulse alone has a baseline free of other stimuli before it
        boolean cleanBaseline = stimulus > 0 && result.deliveredPulses().size() == 1
                && result.deliveredPolarizing().isEmpty();
        if (!warnedNoise && cleanBaseline && response.baselineNoiseMicrovoltsRms() > NOISY_MICROVOLTS_RMS) {
            warnedNoise = true;
            warn("noise", String.format(Locale.ROOT, "baseline noise %.0f µV rms: check the recording electrodes "
                    + "and the earth", response.baselineNoiseMicrovoltsRms()));
        }
        long expected = Math.max(trialsDone, progress.expectedTotal());
        long remaining = expected - trialsDone;
        OptionalDouble controlThreshold = thresholds.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(thresholds.values().iterator().next() / 1e6);
        emit(new SessionEvent.Progress(trialsDone, expected,
                Duration.ofNanos(remaining * intervalMicros * 1000L), section, controlThreshold));
    }
}
