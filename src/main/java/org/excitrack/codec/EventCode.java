package org.excitrack.codec;

/** Why the unit sent an unsolicited EVENT. */
public enum EventCode {
    WATCHDOG_EXPIRED(0x0001, "no command within the watchdog timeout: outputs off, unit disarmed"),
    EMERGENCY_STOP_PRESSED(0x0002, "the emergency-stop button on the unit was pressed"),
    OUTPUT_FAULT(0x0003, "the stimulator output faulted (e.g. electrode off, compliance reached)"),
    LIMIT_TRIPPED(0x0004, "a hardware limit tripped during a trial");

    private final int code;
    private final String meaning;

    EventCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static EventCode fromCode(int code) {
        for (EventCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new ProtocolException(String.format("unknown event code 0x%04x", code));
    }
}
