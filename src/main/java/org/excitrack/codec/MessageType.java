package org.excitrack.codec;

/** Every message type of protocol version 1 with its wire code. Replies to command c are c | 0x80. */
public enum MessageType {
    HELLO(0x01),
    CONFIGURE(0x02),
    SET_LIMITS(0x03),
    ARM(0x04),
    DISARM(0x05),
    TRIAL(0x06),
    HEARTBEAT(0x07),
    STATUS(0x08),
    ABORT(0x09),
    EMERGENCY_STOP(0x0A),
    CLEAR_EMERGENCY_STOP(0x0B),
    TRIGGER_OUT(0x0C),

    ACK(0x80),
    IDENTITY(0x81),
    CONFIGURED(0x82),
    LIMITS(0x83),
    TRIAL_RESULT(0x86),
    HEARTBEAT_REPLY(0x87),
    STATUS_REPLY(0x88),

    EVENT(0xC0),
    ERROR(0xFF);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isCommand() {
        return code < 0x80;
    }

    public static MessageType fromCode(int code) {
        for (MessageType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new ProtocolException(String.format("unknown message type 0x%02x", code));
    }

    /** The type's name, or its hex code when it is not one of ours (for error messages). */
    public static String nameOf(int code) {
        for (MessageType t : values()) {
            if (t.code == code) {
                return t.name();
            }
        }
        return String.format("0x%02x", code);
    }
}
