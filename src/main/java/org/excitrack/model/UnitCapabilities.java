package org.excitrack.model;

import java.util.List;

/**
 * What an acquisition unit can do, as it reports at connection.
 *
 * @param maxCurrentNanoamps largest pulse current the stimulator can drive, nA
 * @param currentResolutionNanoamps smallest current step, nA
 * @param minPulseWidthMicros shortest pulse, µs
 * @param maxPulseWidthMicros longest pulse, µs
 * @param sampleRatesHz the sample rates the ADC supports
 * @param emgChannels number of EMG channels recorded per sweep
 * @param triggerOutLines number of trigger outputs
 * @param maxSamplesPerChannel longest sweep the unit can record, in samples per channel
 * @param hardLimits limits the unit enforces whatever the host asks
 */
public record UnitCapabilities(
        long maxCurrentNanoamps,
        long currentResolutionNanoamps,
        long minPulseWidthMicros,
        long maxPulseWidthMicros,
        List<Integer> sampleRatesHz,
        int emgChannels,
        int triggerOutLines,
        int maxSamplesPerChannel,
        SafetyLimits hardLimits) {

    /**
     * Our reference acquisition unit (firmware-protocol/PROTOCOL.md §19): 50 mA in 1 µA steps, pulses of
     * 10 µs to 5 ms, 1–50 kHz, 2 EMG channels, 2 trigger lines, 16 000 samples per channel; hard limits 50 mA,
     * 100 µC per pulse, polarizing 20 mA / 20 mC / 1 s, trials at most 20 per second. Protocols are checked
     * against it when no unit is connected.
     */
    public static UnitCapabilities referenceUnit() {
        return new UnitCapabilities(50_000_000L, 1_000L, 10L, 5_000L,
                List.of(1_000, 2_000, 5_000, 10_000, 20_000, 50_000), 2, 2, 16_000,
                new SafetyLimits(50_000_000L, 100_000L, 20_000_000L, 20_000_000L, 1_000_000L, 50_000L));
    }

    public UnitCapabilities {
        sampleRatesHz = List.copyOf(sampleRatesHz);
        Checks.positive(currentResolutionNanoamps, "current resolution", "nA");
        Checks.positive(emgChannels, "EMG channel count", "");
    }
}
