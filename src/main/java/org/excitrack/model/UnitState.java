package org.excitrack.model;

/** The acquisition unit's output state machine (see firmware-protocol/PROTOCOL.md, "States"). */
public enum UnitState {
    /** Outputs off; trials are refused until the host arms the unit. */
    DISARMED(0),
    /** Ready for trials; the watchdog is running. */
    ARMED(1),
    /** Executing a trial. */
    RUNNING_TRIAL(2),
    /** Latched emergency stop: outputs off until the host clears it. */
    EMERGENCY_STOPPED(3),
    /** Latched hardware fault: outputs off until the host clears it. */
    FAULT(4);

    private final int wireCode;

    UnitState(int wireCode) {
        this.wireCode = wireCode;
    }

    public int wireCode() {
        return wireCode;
    }

    public static UnitState fromWireCode(int code) {
        for (UnitState s : values()) {
            if (s.wireCode == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unit state code " + code + " is not one of 0..4");
    }
}
