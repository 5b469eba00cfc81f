package org.excitrack.sim.magstim;

import java.util.Locale;

/**
 * Faults the virtual Magstim can be told to show, for tests and for {@code sim:magstim-…?fault=…}. The first
 * three change every reply from then on; the others happen once, as the real event would.
 */
public enum MagstimSimFault {
    /** Every reply carries a wrong check byte (a noisy line, a bad cable). */
    BAD_CHECKSUM,
    /** Every reply is replaced by noise of the same length (a wrong baud rate looks like this). */
    GARBAGE,
    /** The stimulator stops answering (switched off, cable pulled). */
    NO_REPLY,
    /** The stimulator leaves remote control at once, as when someone takes over at its front panel. */
    DROP_REMOTE,
    /** The coil is at 41 °C from now on (cooling as usual): above the 40 °C at which a Magstim disarms. */
    COIL_HOT,
    /** The coil is unplugged: status bit 3 clears; the stimulator disarms and refuses to arm. */
    COIL_REMOVED,
    /** The stimulator reports a fatal error (status bits 5 and 6) and disarms. */
    FATAL_ERROR;

    /** The name used in port URIs: {@code bad-checksum}, {@code coil-hot}. */
    public String uriName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MagstimSimFault fromUriName(String name) {
        for (MagstimSimFault f : values()) {
            if (f.uriName().equals(name.trim())) {
                return f;
            }
        }
        StringBuilder known = new StringBuilder();
        for (MagstimSimFault f : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(f.uriName());
        }
        throw new IllegalArgumentException("unknown Magstim fault '" + name + "'; known: " + known);
    }

    /** Whether the fault changes every reply from its start, rather than happening once. */
    boolean lasting() {
        return this == BAD_CHECKSUM || this == GARBAGE || this == NO_REPLY;
    }
}
