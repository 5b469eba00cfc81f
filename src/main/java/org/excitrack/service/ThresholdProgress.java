package org.excitrack.service;

import java.util.Optional;

/**
 * One step of a threshold measurement, for a live display.
 *
 * @param stimulusNumber 1 for the first stimulus of the measurement
 * @param estimate the current threshold estimate, once there is one
 */
public record ThresholdProgress(Phase phase, int stimulusNumber, long stimulusNanoamps, double responseMicrovolts,
                                Optional<ThresholdValue> estimate) {
    public enum Phase {
        SEARCHING_MAXIMUM,
        TRACKING
    }
}
