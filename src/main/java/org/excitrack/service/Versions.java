package org.excitrack.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions a user may need to quote, gathered so the CLI and GUI need not reach into lower layers. */
public final class Versions {
    public static final int PROTOCOL_VERSION = org.excitrack.codec.MessageCodec.PROTOCOL_VERSION;
    private static final String UNKNOWN = "(development build)";

    private Versions() {
    }

    /** Excitrack's own version, as the build stamped it; recordings keep it. */
    public static String application() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/org/excitrack/app/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build's version file", e);
        }
        return p.getProperty("version", UNKNOWN);
    }
}
