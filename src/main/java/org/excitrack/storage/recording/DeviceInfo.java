package org.excitrack.storage.recording;

import java.util.Locale;
import java.util.Objects;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.UnitIdentity;

/**
 * The unit a recording was made with.
 *
 * @param identity model, serial number, firmware and negotiated protocol version
 * @param settingsJson the unit's settings as a JSON object (see {@link #of(UnitIdentity, AmplifierSettings)})
 */
public record DeviceInfo(UnitIdentity identity, String settingsJson) {
    public DeviceInfo {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(settingsJson, "settingsJson");
    }

    /** Device info whose settings JSON holds the amplifier settings, with units in the key names. */
    public static DeviceInfo of(UnitIdentity identity, AmplifierSettings amp) {
        String json = String.format(Locale.ROOT,
                "{\"sample_rate_hz\":%d,\"gain\":%d,\"high_pass_mhz\":%d,\"low_pass_hz\":%d,\"notch_hz\":%d,"
                        + "\"window_start_us\":%d,\"window_duration_us\":%d}",
                amp.sampleRateHz(), amp.gain(), amp.highPassMillihertz(), amp.lowPassHertz(), amp.notchHertz(),
                amp.defaultWindow().startMicros(), amp.defaultWindow().durationMicros());
        return new DeviceInfo(identity, json);
    }
}
