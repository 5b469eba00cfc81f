package org.excitrack.model.excitability;

/**
 * One level of the current-threshold (I/V) relation: IV1.n rows of a MEM file.
 *
 * @param currentPercent polarizing current, % of threshold (+ depolarizing)
 * @param thresholdReductionPercent positive when the threshold is lower
 */
public record CurrentThresholdPoint(double currentPercent, double thresholdReductionPercent) {
}
