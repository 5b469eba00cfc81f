package org.excitrack.codec.magventure;

import java.util.Objects;
import java.util.Optional;

/**
 * The status byte that status messages 0 and 5 carry right after their id, and messages 1, 2, 3 and 8 carry
 * after their two data bytes: bits 0–1 mode, bits 2–3 waveform, bit 4 enabled, bits 5–7 model.
 *
 * @param modelCode 0..7 as sent; {@link #model()} names the known ones
 */
public record MagProStatusByte(MagProMode mode, MagProWaveform waveform, boolean enabled, int modelCode) {
    private static final int ENABLED_BIT = 0x10;

    public MagProStatusByte {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(waveform, "waveform");
        if (modelCode < 0 || modelCode > 7) {
            throw new IllegalArgumentException("MagPro model code " + modelCode + " does not fit in bits 5-7");
        }
    }

    public static MagProStatusByte of(MagProModel model, MagProMode mode, MagProWaveform waveform,
                                      boolean enabled) {
        return new MagProStatusByte(mode, waveform, enabled, model.code());
    }

    public static MagProStatusByte fromByte(int value) {
        int v = value & 0xFF;
        return new MagProStatusByte(MagProMode.fromCode(v & 0x03), MagProWaveform.fromCode((v >> 2) & 0x03),
                (v & ENABLED_BIT) != 0, v >> 5);
    }

    public int toByte() {
        return mode.code() | waveform.code() << 2 | (enabled ? ENABLED_BIT : 0) | modelCode << 5;
    }

    public Optional<MagProModel> model() {
        return MagProModel.fromCode(modelCode);
    }

    public MagProStatusByte withEnabled(boolean on) {
        return new MagProStatusByte(mode, waveform, on, modelCode);
    }
}
