package org.excitrack.sim.magventure;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a virtual MagPro can be made to do wrong, by {@code fault=…} in its port URI or by a test. */
public enum MagProFault {
    /** Every frame it sends carries a wrong checksum. */
    BAD_CRC("bad-crc"),
    /** A few bytes of line noise before every frame it sends. */
    GARBAGE("garbage"),
    /** It stops sending anything: no replies, no messages (cable pulled on its side, or hung). */
    SILENT("silent"),
    /** The coil's temperature jumps above every limit, as a blocked coil cooling would cause. */
    HOT_COIL("hot-coil"),
    /** Someone turns the amplitude knob on the front panel: amplitude A goes up by 10 %. */
    FRONT_PANEL("front-panel");

    private final String uriName;

    MagProFault(String uriName) {
        this.uriName = uriName;
    }

    public String uriName() {
        return uriName;
    }

    public static MagProFault fromUriName(String name) {
        for (MagProFault f : values()) {
            if (f.uriName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("virtual MagPro fault '" + name + "' is unknown; expected one of "
                + Arrays.stream(values()).map(MagProFault::uriName).collect(Collectors.joining(", ")));
    }
}
