package org.excitrack.model;

/**
 * Acquisition settings for the EMG amplifier and ADC.
 *
 * @param sampleRateHz samples per second per channel
 * @param gain amplifier gain (dimensionless)
 * @param highPassMillihertz high-pass corner in millihertz (0 = DC-coupled)
 * @param lowPassHertz low-pass corner in hertz
 * @param notchHertz mains notch: 0 (off), 50 or 60
 * @param defaultWindow recording window used by trials that do not give their own
 */
public record AmplifierSettings(
        int sampleRateHz, int gain, int highPassMillihertz, int lowPassHertz, int notchHertz,
        RecordingWindow defaultWindow) {

    public AmplifierSettings {
        Checks.positive(sampleRateHz, "sample rate", "Hz");
        Checks.positive(gain, "gain", "");
        Checks.nonNegative(highPassMillihertz, "high-pass corner", "mHz");
        Checks.positive(lowPassHertz, "low-pass corner", "Hz");
        if (notchHertz != 0 && notchHertz != 50 && notchHertz != 60) {
            throw new IllegalArgumentException("notch " + notchHertz + " Hz: expected 0 (off), 50 or 60");
        }
        if (defaultWindow.usesConfiguredDefault()) {
            throw new IllegalArgumentException("the default recording window needs a duration above zero");
        }
    }

    /** 10 kHz, gain 1000, 3 Hz–3 kHz, no notch, 30 ms window from time zero: QtracS's defaults. */
    public static AmplifierSettings nerveDefaults() {
        return new AmplifierSettings(10_000, 1000, 3_000, 3_000, 0, new RecordingWindow(0, 30_000));
    }

    public AmplifierSettings withSampleRateHz(int hz) {
        return new AmplifierSettings(hz, gain, highPassMillihertz, lowPassHertz, notchHertz, defaultWindow);
    }

    public AmplifierSettings withDefaultWindow(RecordingWindow window) {
        return new AmplifierSettings(sampleRateHz, gain, highPassMillihertz, lowPassHertz, notchHertz, window);
    }
}
