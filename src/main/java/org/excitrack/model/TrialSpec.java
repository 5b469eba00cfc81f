package org.excitrack.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything the unit needs to execute one trial on its own clock: pulses, polarizing currents, trigger
 * outputs and the recording window. The unit times every event; the controller only describes them.
 *
 * @param trialId identifies the trial; resending the same id and content never stimulates twice
 */
public record TrialSpec(
        long trialId,
        List<Pulse> pulses,
        List<PolarizingStep> polarizing,
        List<TriggerOut> triggers,
        RecordingWindow window) {

    public TrialSpec {
        Checks.nonNegative(trialId, "trial id", "");
        if (trialId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("trial id " + trialId + " does not fit in 32 bits");
        }
        pulses = List.copyOf(pulses);
        polarizing = List.copyOf(polarizing);
        triggers = List.copyOf(triggers);
        Objects.requireNonNull(window, "window");
    }

    public static TrialSpec singlePulse(long trialId, Pulse pulse, RecordingWindow window) {
        return new TrialSpec(trialId, List.of(pulse), List.of(), List.of(), window);
    }

    /** The window the unit records: the trial's own, or the configured default when its duration is 0. */
    public RecordingWindow effectiveWindow(RecordingWindow configuredDefault) {
        return window.usesConfiguredDefault() ? configuredDefault : window;
    }

    /** The last moment at which the unit drives any output or records, in microseconds after time zero. */
    public long durationMicros(RecordingWindow configuredDefault) {
        long end = effectiveWindow(configuredDefault).endMicros();
        for (Pulse p : pulses) {
            end = Math.max(end, p.endMicros());
        }
        for (PolarizingStep s : polarizing) {
            end = Math.max(end, s.endMicros());
        }
        for (TriggerOut t : triggers) {
            end = Math.max(end, t.onsetMicros() + t.widthMicros());
        }
        return end;
    }
}
