package org.excitrack.codec.magstim;

/**
 * How a BiStim² system is set up, as the reply to {@code X@} reports it (cboulay's README table, tms.md §1.3).
 * The mode is chosen on the stimulators' front panels; no documented serial command sets it.
 */
public enum BiStimMode {
    SINGLE('0', true, "a single stimulator"),
    SIMULTANEOUS('1', true, "master, simultaneous discharge"),
    BISTIM_LOW_RESOLUTION('2', true, "master, BiStim mode, interval in 1 ms steps"),
    INDEPENDENT_TRIGGERS('3', true, "master, independent triggering of A and B"),
    BISTIM_HIGH_RESOLUTION('4', true, "master, BiStim mode, interval in 0.1 ms steps"),
    SLAVE_SIMULTANEOUS('Q', false, "slave, simultaneous discharge"),
    SLAVE_BISTIM_LOW_RESOLUTION('R', false, "slave, BiStim mode, 1 ms steps"),
    SLAVE_INDEPENDENT_TRIGGERS('S', false, "slave, independent triggering"),
    SLAVE_BISTIM_HIGH_RESOLUTION('T', false, "slave, BiStim mode, 0.1 ms steps");

    private final char code;
    private final boolean master;
    private final String meaning;

    BiStimMode(char code, boolean master, String meaning) {
        this.code = code;
        this.master = master;
        this.meaning = meaning;
    }

    public char code() {
        return code;
    }

    /** Whether this unit controls the pair; the host must talk to the master. */
    public boolean master() {
        return master;
    }

    public String meaning() {
        return meaning;
    }

    /** The mode for a mode character, or null if the character is not in the table. */
    public static BiStimMode fromCode(int c) {
        for (BiStimMode m : values()) {
            if (m.code == c) {
                return m;
            }
        }
        return null;
    }
}
