package org.excitrack.storage.recording;

import java.util.Objects;

/**
 * A threshold computed for one tracked point. Recording the same section, point and channel again replaces it.
 *
 * @param section protocol section, e.g. "TE"
 * @param point tracked point label
 * @param channel recording channel, from 0
 * @param valueNanoamps threshold current, nA
 * @param standardErrorNanoamps standard error of the estimate, nA ({@code NaN} if not estimated)
 * @param stimuli number of stimuli the estimate used
 */
public record ThresholdRecord(String section, String point, int channel, double valueNanoamps,
                              double standardErrorNanoamps, int stimuli) {
    public ThresholdRecord {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(point, "point");
    }
}
