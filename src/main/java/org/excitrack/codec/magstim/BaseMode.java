package org.excitrack.codec.magstim;

/**
 * The mode byte after {@code E} (TDb086 §6): bit 0 stop, bit 1 arm, bit 3 trigger, bit 6 always set. Hosts
 * send exactly these three values.
 */
public enum BaseMode {
    /** {@code EA}: stop (disarm); the one command a Magstim accepts without remote control. */
    DISARM('A', "disarm"),
    /** {@code EB}: arm; the stimulator charges, then reports Ready. */
    ARM('B', "arm"),
    /** {@code EH}: trigger (fire) now. */
    FIRE('H', "fire");

    private final char code;
    private final String meaning;

    BaseMode(char code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public char code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The mode for a received mode byte, or null if the byte is none of the three. */
    public static BaseMode fromCode(int b) {
        for (BaseMode m : values()) {
            if (m.code == b) {
                return m;
            }
        }
        return null;
    }
}
