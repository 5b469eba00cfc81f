package org.excitrack.device;

import org.excitrack.model.UnitState;

/** The unit's answer to STATUS. */
public record UnitStatus(UnitState state, long unitTimeMicros, long trialsDelivered, long lastTrialId,
                         int lastErrorCode, int watchdogMillis) {
}
