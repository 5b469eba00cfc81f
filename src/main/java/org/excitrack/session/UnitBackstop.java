package org.excitrack.session;

import org.excitrack.model.SafetyLimits;

/**
 * The limits a session asks the unit to enforce as its backstop (ADR 0002). They equal the session's own,
 * except the trial interval: the session paces trials by its clock at send time while the unit measures
 * between arrivals, so link and scheduling jitter would make an equal limit trip on trials that were
 * correctly paced (11 ms seen in-process under load; USB-serial adapters add up to 16 ms). The unit therefore
 * enforces half the session's minimum interval: a runaway host at twice the rate or more is still stopped.
 */
public final class UnitBackstop {
    static final double INTERVAL_ALLOWANCE = 0.5;

    private UnitBackstop() {
    }

    public static SafetyLimits limitsFor(SafetyLimits session) {
        return session.withMinTrialIntervalMicros(Math.round(session.minTrialIntervalMicros() * INTERVAL_ALLOWANCE));
    }
}
