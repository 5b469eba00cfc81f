package org.excitrack.model.tms;

/** Whether a magnetic stimulator can discharge: the state an operator must always be able to see. */
public enum ChargeState {
    /** Disarmed: capacitors not held charged, triggers ignored. */
    STANDBY,
    /** Armed and charging (or recharging after a pulse): a trigger now is ignored or refused. */
    CHARGING,
    /** Armed and charged: the next trigger discharges. */
    READY
}
