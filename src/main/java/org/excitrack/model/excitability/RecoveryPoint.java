package org.excitrack.model.excitability;

/**
 * One interval of the recovery cycle: RC1.n rows of a MEM file.
 *
 * @param intervalMillis conditioning-test interval
 * @param thresholdChangePercent positive when the threshold is higher (refractory), negative when lower
 */
public record RecoveryPoint(double intervalMillis, double thresholdChangePercent) {
}
