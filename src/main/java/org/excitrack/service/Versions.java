package org.excitrack.service;

/** Versions a user may need to quote, gathered so the CLI and GUI need not reach into lower layers. */
public final class Versions {
    public static final int PROTOCOL_VERSION = org.excitrack.codec.MessageCodec.PROTOCOL_VERSION;

    private Versions() {
    }
}
