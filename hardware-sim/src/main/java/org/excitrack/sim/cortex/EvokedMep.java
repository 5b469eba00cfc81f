package org.excitrack.sim.cortex;

/**
 * One MEP a trial produced, as drawn: the ground truth behind the waveform, for checks and logs.
 *
 * @param pulseOnsetMicros onset of the magnetic pulse the MEP is attributed to (the one with the highest
 *     effective intensity among pulses merged into this response), µs after time zero
 * @param onsetMicros MEP onset, µs after time zero
 * @param peakToPeakMicrovolts drawn peak-to-peak amplitude, µV
 * @param effectiveIntensityPercent that pulse's effective intensity after conditioning and contraction, %MSO
 * @param silentPeriodMillis cortical silent period that follows the MEP onset; it only shows as missing EMG
 *     when the muscle is contracting, ms
 */
public record EvokedMep(long pulseOnsetMicros, double onsetMicros, double peakToPeakMicrovolts,
        double effectiveIntensityPercent, double silentPeriodMillis) {
}
