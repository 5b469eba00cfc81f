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

    public UnitCapabilities {
        sampleRatesHz = List.copyOf(sampleRatesHz);
        Checks.positive(currentResolutionNanoamps, "current resolution", "nA");
        Checks.positive(emgChannels, "EMG channel count", "");
    }
}
