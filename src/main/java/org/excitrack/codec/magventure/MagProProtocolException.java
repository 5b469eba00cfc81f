package org.excitrack.codec.magventure;

import org.excitrack.codec.ProtocolException;

/** A MagPro frame that checked out but whose payload is not a valid command or message of its id. */
public final class MagProProtocolException extends ProtocolException {
    public MagProProtocolException(String message) {
        super(message);
    }
}
