package org.excitrack.session;

import java.time.Clock;
import org.excitrack.model.Response;
import org.excitrack.model.TrialResult;
import org.excitrack.storage.recording.RecordedEvent;
import org.excitrack.storage.recording.RecordedPrompt;
import org.excitrack.storage.recording.RecordingWriter;
import org.excitrack.storage.recording.ThresholdRecord;
import org.excitrack.storage.recording.TrialRecord;
import org.excitrack.tracking.ThresholdEstimate;

/** Commits a session to a recording file, one transaction per trial (recording-format.md). */
public final class RecordingFileRecorder implements SessionRecorder {
    private final RecordingWriter writer;
    private final Clock clock;

    public RecordingFileRecorder(RecordingWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public void trial(String section, String point, int channel, TrialResult result, Response response,
                      String trackerState) {
        writer.appendTrial(new TrialRecord(result, section, point, channel, clock.instant(), response, trackerState));
    }

    @Override
    public void threshold(String section, String point, int channel, ThresholdEstimate estimate, int stimuli) {
        writer.recordThreshold(new ThresholdRecord(section, point, channel, estimate.thresholdNanoamps(),
                estimate.standardErrorNanoamps(), stimuli));
    }

    @Override
    public void event(String kind, String detail) {
        writer.appendEvent(new RecordedEvent(clock.instant(), kind, detail));
    }

    @Override
    public void prompt(String text, String answer) {
        writer.appendPrompt(new RecordedPrompt(clock.instant(), text, answer));
    }
}
