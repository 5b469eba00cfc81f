package org.excitrack.codec;

/** Sizes that follow from the framing's maximum payload. */
public final class FrameLimits {
    /** Fixed bytes of a TRIAL_RESULT besides the samples, with no delivered pulses listed. */
    private static final int RESULT_OVERHEAD_BYTES = MessageCodec.HEADER_BYTES + 4 + 8 + 3 + 4 + 4 + 1 + 4 + 4;
    /** The most 16-bit samples (all channels together) one TRIAL_RESULT can carry with room for 8 pulses. */
    public static final int MAX_SAMPLES =
            (org.excitrack.framing.FrameEncoder.MAX_PAYLOAD_BYTES - RESULT_OVERHEAD_BYTES - 8 * 13 - 8 * 13 - 8 * 9) / 2;

    private FrameLimits() {
    }

    /** Bytes of the TRIAL_RESULT payload answering {@code trial} with {@code totalSamples} (all channels). */
    public static long trialResultBytes(org.excitrack.model.TrialSpec trial, long totalSamples) {
        return RESULT_OVERHEAD_BYTES + 13L * trial.pulses().size() + 13L * trial.polarizing().size()
                + 9L * trial.triggers().size() + 2 * totalSamples;
    }

    /** Whether that result fits in one frame, which a unit must check before it accepts the trial. */
    public static boolean trialResultFits(org.excitrack.model.TrialSpec trial, long totalSamples) {
        return trialResultBytes(trial, totalSamples) <= org.excitrack.framing.FrameEncoder.MAX_PAYLOAD_BYTES;
    }
}
