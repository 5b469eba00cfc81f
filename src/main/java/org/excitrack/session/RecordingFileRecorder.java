package org.excitrack.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.excitrack.model.Response;
import org.excitrack.model.TrialResult;
import org.excitrack.storage.recording.RecordedEvent;
import org.excitrack.storage.recording.RecordedPrompt;
import org.excitrack.storage.recording.RecordingWriter;
import org.excitrack.storage.recording.ThresholdInputs;
import org.excitrack.storage.recording.ThresholdRecord;
import org.excitrack.storage.recording.TrialRecord;
import org.excitrack.tracking.CurvePrior;
import org.excitrack.tracking.StimulusResponsePoint;
import org.excitrack.tracking.ThresholdBasis;
import org.excitrack.tracking.ThresholdEstimate;

/**
 * Commits a session to a recording file, one transaction per trial (recording-format.md).
 *
 * <p>A threshold is stored with what it was computed from: its tracker's kind, target and curve prior, and the
 * trials behind its points. A tracker keeps stimulus-response points, not trial ids, so each point is found among
 * the file's trials by its test stimulus and response, which are the very values the session recorded for that
 * trial (a measured response repeats to the last bit only by chance; if it does, either trial carries the same
 * values). A threshold with a point no stored trial has (a resumed schema-1 file's trials carry no test stimulus)
 * is stored without them, with a warning event.
 */
public final class RecordingFileRecorder implements SessionRecorder {
    private final RecordingWriter writer;
    private final Clock clock;
    /** The file's trials by the point they gave: test stimulus and response, bit for bit. */
    private final Map<StimulusResponsePoint, List<Long>> trialsByPoint = new HashMap<>();

    public RecordingFileRecorder(RecordingWriter writer, Clock clock) {
        this(writer, clock, List.of());
    }

    /**
     * @param earlier the trials the file already holds, when a session resumes it: a new threshold's tracker may
     *     take some of their points as prior (the stimulus-response curve)
     */
    public RecordingFileRecorder(RecordingWriter writer, Clock clock, List<TrialRecord> earlier) {
        this.writer = writer;
        this.clock = clock;
        for (TrialRecord t : earlier) {
            if (t.testStimulusNanoamps().isPresent()) {
                remember(t.trialId(), t.testStimulusNanoamps().getAsLong(), t.response());
            }
        }
    }

    @Override
    public void trial(String section, String point, int channel, TrialResult result, Response response,
                      String trackerState) {
        writer.appendTrial(new TrialRecord(result, section, point, channel, clock.instant(), response, trackerState));
    }

    @Override
    public void trial(String section, String point, int channel, long testStimulusNanoamps, TrialResult result,
                      Response response, String trackerState) {
        writer.appendTrial(new TrialRecord(result, section, point, channel, clock.instant(), response, trackerState,
                OptionalLong.of(testStimulusNanoamps)));
        remember(result.trialId(), testStimulusNanoamps, response);
    }

    @Override
    public void threshold(String section, String point, int channel, ThresholdEstimate estimate, int stimuli) {
        writer.recordThreshold(new ThresholdRecord(section, point, channel, estimate.thresholdNanoamps(),
                estimate.standardErrorNanoamps(), stimuli));
    }

    @Override
    public void threshold(String section, String point, int channel, ThresholdEstimate estimate, int stimuli,
                          ThresholdBasis basis) {
        Optional<ThresholdInputs> inputs = inputs(basis);
        if (inputs.isEmpty()) {
            event("warning", "threshold " + section + ", " + point + ", channel " + channel + ": not every point "
                    + "it was computed from is a stored trial, so it is stored without them and cannot be recomputed");
        }
        writer.recordThreshold(new ThresholdRecord(section, point, channel, estimate.thresholdNanoamps(),
                estimate.standardErrorNanoamps(), stimuli, inputs));
    }

    @Override
    public void event(String kind, String detail) {
        writer.appendEvent(new RecordedEvent(clock.instant(), kind, detail));
    }

    @Override
    public void prompt(String text, String answer) {
        writer.appendPrompt(new RecordedPrompt(clock.instant(), text, answer));
    }

    private void remember(long trialId, long testStimulusNanoamps, Response response) {
        trialsByPoint.computeIfAbsent(point(testStimulusNanoamps, response), k -> new ArrayList<>()).add(trialId);
    }

    /** The point a trial gives a tracker: what the file stores (no response measured reads as NaN). */
    private static StimulusResponsePoint point(long testStimulusNanoamps, Response response) {
        return new StimulusResponsePoint(testStimulusNanoamps,
                response == null ? Double.NaN : response.negativePeakMicrovolts());
    }

    /** The basis as stored: each point's trial, the earliest not already taken by this threshold. */
    private Optional<ThresholdInputs> inputs(ThresholdBasis basis) {
        List<Long> ids = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        for (StimulusResponsePoint p : basis.points()) {
            Optional<Long> id = trialsByPoint.getOrDefault(p, List.of()).stream().filter(i -> !taken.contains(i))
                    .findFirst();
            if (id.isEmpty()) {
                return Optional.empty();
            }
            ids.add(id.get());
            taken.add(id.get());
        }
        CurvePrior prior = basis.curvePrior();
        return Optional.of(new ThresholdInputs(basis.kind().id(), basis.targetMicrovolts(), prior.logLogSlope(),
                prior.slopeRelativeSd(), prior.residualSd(), prior.residualDegreesOfFreedom(),
                prior.maximalResponseMicrovolts(), ids));
    }

    @Override
    public void magneticPulses(long trialId, java.util.List<org.excitrack.model.tms.DeliveredMagneticPulse> pulses) {
        writer.appendMagneticPulses(trialId, pulses);
    }

    @Override
    public void magneticThreshold(String section, String point, String channel,
                                  org.excitrack.model.tms.MagneticThreshold threshold) {
        writer.recordMagneticThreshold(new org.excitrack.storage.recording.MagneticRecord.Threshold(section, point,
                channel, threshold));
    }

    @Override
    public void silentPeriod(long trialId, Optional<org.excitrack.tracking.tms.SilentPeriod> silentPeriod) {
        writer.recordSilentPeriod(silentPeriod.map(sp -> org.excitrack.storage.recording.MagneticRecord.SilentPeriod
                .found(trialId, sp.mepOnsetMicros(), sp.suppressionOnsetMicros(), sp.suppressionOffsetMicros(),
                        sp.preStimulusMeanRectifiedMicrovolts()))
                .orElseGet(() -> org.excitrack.storage.recording.MagneticRecord.SilentPeriod.notFound(trialId)));
    }
}
