package org.excitrack.model.excitability;

/** One test width of the charge-duration (strength-duration) section: QT.n rows of a MEM file. */
public record ChargeDurationPoint(double widthMillis, double thresholdMilliamps, double chargeMilliampMillis) {
}
