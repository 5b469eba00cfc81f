package org.excitrack.tracking.tms;

import java.util.Optional;

/**
 * Finds a motor threshold: the stimulator output (%MSO) at which half the MEPs reach the target amplitude, the
 * probabilistic definition every method here estimates (tms.md §3.1). Pure and deterministic: the same
 * responses give the same stimuli and the same estimate.
 *
 * <p>Use: while not {@link #isFinished()}, give {@link #nextIntensityPercentMso()} (a whole %MSO, within
 * 1 … the settings' maximum), measure the MEP's peak-to-peak amplitude, and {@link #record} both. Trials rejected
 * for background EMG are not recorded; give the same intensity again.
 */
public interface MotorThresholdMethod {

    MotorThresholdMethodKind kind();

    /** The next output to give, whole %MSO; throws {@link IllegalStateException} once finished. */
    int nextIntensityPercentMso();

    /**
     * One stimulus as given and the MEP it evoked.
     *
     * @param intensityPercentMso the output actually given; the IFCN rule only accepts the level it asked for
     * @param mepMicrovolts the MEP's peak-to-peak amplitude, µV (≥ 0)
     */
    void record(int intensityPercentMso, double mepMicrovolts);

    boolean isFinished();

    /** Why it finished; empty while it is still running. */
    Optional<FinishReason> finishReason();

    /** The estimate from the stimuli so far, or empty while the data cannot place the threshold. */
    Optional<MotorThresholdEstimate> estimate();

    /** Stimuli recorded so far. */
    int stimuliGiven();
}
