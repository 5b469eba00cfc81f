package org.excitrack.codec.magventure;

import java.util.Optional;

/**
 * MagPro models as the status byte's bits 5–7 report them (tms.md §1.10). Only models with the MagOption
 * have the Twin and Dual modes that give two pulses from one trigger.
 */
public enum MagProModel {
    R30(0, "MagPro R30", false),
    X100(1, "MagPro X100", false),
    R30_OPTION(2, "MagPro R30 with MagOption", true),
    X100_OPTION(3, "MagPro X100 with MagOption", true),
    R30_OPTION_MONO(4, "MagPro R30 with MagOption and monophasic", true),
    MST(5, "MagPro MST", false);

    private final int code;
    private final String displayName;
    private final boolean pairedPulses;

    MagProModel(int code, String displayName, boolean pairedPulses) {
        this.code = code;
        this.displayName = displayName;
        this.pairedPulses = pairedPulses;
    }

    public int code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether the model has Twin and Dual modes (the MagOption). */
    public boolean hasPairedPulseModes() {
        return pairedPulses;
    }

    public static Optional<MagProModel> fromCode(int code) {
        for (MagProModel m : values()) {
            if (m.code == code) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
