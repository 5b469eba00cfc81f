package org.excitrack.transport.serial;

import java.util.Set;
import org.excitrack.transport.Link;
import org.excitrack.transport.LinkProvider;
import org.excitrack.transport.PortUri;
import org.excitrack.transport.PortUriException;

/** Opens {@code serial:/dev/ttyUSB0?baud=115200} and {@code serial:COM3}; the only parameter is {@code baud}. */
public final class SerialLinkProvider implements LinkProvider {
    /** Our acquisition unit's rate; other devices name theirs in the URI. */
    public static final int DEFAULT_BAUD = 921_600;

    @Override
    public String scheme() {
        return "serial";
    }

    @Override
    public Link open(PortUri uri) {
        uri.requireOnlyParameters(Set.of("baud"));
        if (uri.path().isBlank()) {
            throw new PortUriException("'" + uri + "' names no port: expected e.g. serial:/dev/ttyUSB0 or "
                    + "serial:COM3; `excitrack ports` lists the ports found");
        }
        return JSerialCommLink.open(uri.path(), baudRate(uri));
    }

    private static int baudRate(PortUri uri) {
        String text = uri.parameter("baud").orElse(null);
        if (text == null) {
            return DEFAULT_BAUD;
        }
        int baud;
        try {
            baud = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            baud = -1;
        }
        if (baud <= 0) {
            throw new PortUriException("baud '" + text + "' in " + uri
                    + " is not a positive whole number of bits per second, e.g. baud=" + DEFAULT_BAUD);
        }
        return baud;
    }
}
