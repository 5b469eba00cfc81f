package org.excitrack.codec.magstim;

import org.excitrack.codec.ProtocolException;

/**
 * Bytes that came back for a command but are not a valid reply to it, e.g.
 * {@code reply to 'J' had checksum 0x12, expected 0x75}.
 */
public final class MagstimProtocolException extends ProtocolException {
    /** What was wrong, so a driver can tell a corrupted reply from a misunderstanding. */
    public enum Kind {
        /** The check byte does not match the bytes before it. */
        CHECKSUM,
        /** The reply's fields are not what the command's reply holds (non-digits where digits belong). */
        MALFORMED,
        /** A variable-length reply ran past the decoder's bound without its terminator. */
        TOO_LONG
    }

    private final Kind kind;

    public MagstimProtocolException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
