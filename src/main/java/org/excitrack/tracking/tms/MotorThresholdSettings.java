package org.excitrack.tracking.tms;

/**
 * What every motor-threshold method is asked for, whatever its algorithm.
 *
 * @param targetMicrovolts the MEP that defines threshold, peak-to-peak: 50 µV for the IFCN resting threshold,
 *     200 µV for the threshold-tracking RMT ("RMT200")
 * @param startPercentMso the first stimulus, %MSO: for the IFCN method a level believed to be above threshold
 *     (it searches upwards if it is not), for the others a best guess
 * @param maxIntensityPercentMso the highest output the method may ask for, %MSO; a method whose rule would go
 *     beyond it finishes with {@link FinishReason#THRESHOLD_ABOVE_MAXIMUM} instead of asking for more
 * @param maxStimuli the budget: no method gives more stimuli than this, whatever its own stopping rule says
 */
public record MotorThresholdSettings(double targetMicrovolts, int startPercentMso, int maxIntensityPercentMso,
                                     int maxStimuli) {
    /** The IFCN resting-threshold criterion: 50 µV peak-to-peak (Rossini et al. 2015). */
    public static final double IFCN_TARGET_MICROVOLTS = 50;
    /** The threshold-tracking RMT target: 0.2 mV peak-to-peak. */
    public static final double TRACKING_TARGET_MICROVOLTS = 200;

    public MotorThresholdSettings {
        if (!(targetMicrovolts > 0)) {
            throw new IllegalArgumentException("target MEP " + targetMicrovolts + " µV must be above zero");
        }
        if (maxIntensityPercentMso < 1 || maxIntensityPercentMso > 100) {
            throw new IllegalArgumentException("maximum intensity " + maxIntensityPercentMso
                    + " %MSO must lie in 1..100");
        }
        if (startPercentMso < 1 || startPercentMso > maxIntensityPercentMso) {
            throw new IllegalArgumentException("start intensity " + startPercentMso + " %MSO must lie in 1.."
                    + maxIntensityPercentMso + " (the maximum intensity)");
        }
        if (maxStimuli < 1) {
            throw new IllegalArgumentException("a budget of " + maxStimuli + " stimuli leaves nothing to do");
        }
    }

    /** A 50 µV threshold from {@code startPercentMso}, up to 100 %MSO, at most 100 stimuli. */
    public static MotorThresholdSettings ifcn(int startPercentMso) {
        return new MotorThresholdSettings(IFCN_TARGET_MICROVOLTS, startPercentMso, 100, 100);
    }

    public MotorThresholdSettings withTargetMicrovolts(double value) {
        return new MotorThresholdSettings(value, startPercentMso, maxIntensityPercentMso, maxStimuli);
    }

    public MotorThresholdSettings withMaxIntensityPercentMso(int value) {
        return new MotorThresholdSettings(targetMicrovolts, startPercentMso, value, maxStimuli);
    }

    public MotorThresholdSettings withMaxStimuli(int value) {
        return new MotorThresholdSettings(targetMicrovolts, startPercentMso, maxIntensityPercentMso, value);
    }

    public MotorThresholdSettings withStartPercentMso(int value) {
        return new MotorThresholdSettings(targetMicrovolts, value, maxIntensityPercentMso, maxStimuli);
    }
}
