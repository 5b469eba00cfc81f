package org.excitrack.storage.recording;

import java.util.Objects;
import java.util.Optional;

/**
 * A threshold computed for one tracked point. Recording the same section, point and channel again replaces it.
 *
 * @param section protocol section, e.g. "TE"
 * @param point tracked point label
 * @param channel recording channel, from 0
 * @param valueNanoamps threshold current, nA
 * @param standardErrorNanoamps standard error of the estimate, nA ({@code NaN} if not estimated)
 * @param stimuli number of stimuli the tracker gave for it (points it took as prior not counted)
 * @param inputs what it was computed from, to compute it again; empty in schema-1 files and for thresholds
 *     recorded without them
 */
public record ThresholdRecord(String section, String point, int channel, double valueNanoamps,
                              double standardErrorNanoamps, int stimuli, Optional<ThresholdInputs> inputs) {
    public ThresholdRecord {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(inputs, "inputs");
    }

    /** A threshold recorded without what it was computed from. */
    public ThresholdRecord(String section, String point, int channel, double valueNanoamps,
                           double standardErrorNanoamps, int stimuli) {
        this(section, point, channel, valueNanoamps, standardErrorNanoamps, stimuli, Optional.empty());
    }
}
