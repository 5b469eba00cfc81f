package org.excitrack.transport;

/** A port URI that cannot be parsed or names an unknown scheme or parameter; a usage error. */
public final class PortUriException extends IllegalArgumentException {
    public PortUriException(String message) {
        super(message);
    }
}
