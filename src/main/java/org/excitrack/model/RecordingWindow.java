package org.excitrack.model;

/**
 * The part of a trial that the unit records, relative to the trial's time zero.
 *
 * @param startMicros start of the recording, in microseconds after time zero
 * @param durationMicros length of the recording in microseconds; zero means "the configured default"
 */
public record RecordingWindow(long startMicros, long durationMicros) {
    public static final RecordingWindow CONFIGURED_DEFAULT = new RecordingWindow(0, 0);

    public RecordingWindow {
        Checks.nonNegative(startMicros, "recording window start", "µs");
        Checks.nonNegative(durationMicros, "recording window duration", "µs");
    }

    public boolean usesConfiguredDefault() {
        return durationMicros == 0;
    }

    public long endMicros() {
        return startMicros + durationMicros;
    }
}
