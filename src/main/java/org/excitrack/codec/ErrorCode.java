package org.excitrack.codec;

/** Why the unit refused a command (ERROR reply), with the wire code and a sentence for people. */
public enum ErrorCode {
    MALFORMED(0x0001, "the command's body could not be parsed"),
    UNKNOWN_COMMAND(0x0002, "the unit does not know this command"),
    UNSUPPORTED_VERSION(0x0003, "the frame uses a protocol version the unit does not speak"),
    NOT_ARMED(0x0010, "the unit is not armed"),
    EMERGENCY_STOPPED(0x0011, "the unit is emergency-stopped; clear the stop first"),
    BUSY(0x0012, "a trial is already running"),
    NOT_CONFIGURED(0x0013, "the unit has not been configured"),
    LIMIT_EXCEEDED(0x0020, "a stimulus exceeds a safety limit; nothing was delivered"),
    CAPABILITY_EXCEEDED(0x0021, "the request is outside what the unit can do"),
    TRIAL_TOO_SOON(0x0022, "the trial came sooner than the minimum trial interval"),
    DUPLICATE_TRIAL_ID(0x0023, "a different trial was sent with the id of the previous one"),
    ABORTED(0x0030, "the trial was aborted; outputs were switched off"),
    HARDWARE_FAULT(0x0031, "the stimulator reported a fault; outputs were switched off");

    private final int code;
    private final String meaning;

    ErrorCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static ErrorCode fromCode(int code) {
        for (ErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new ProtocolException(String.format("unknown error code 0x%04x", code));
    }
}
