package org.excitrack.codec;

/** A frame stamped with a protocol version this codec does not speak. */
public final class UnsupportedVersionException extends ProtocolException {
    private final int version;

    public UnsupportedVersionException(int version, int messageType) {
        super(String.format("frame of type 0x%02x uses protocol version %d; this side speaks version %d",
                messageType, version, MessageCodec.PROTOCOL_VERSION));
        this.version = version;
    }

    public int version() {
        return version;
    }
}
