package org.excitrack.codec.magventure;

import java.util.Optional;

/** The screen page shown on the stimulator (command 7, messages 5 and 8); codes from tms.md §1.10. */
public enum MagProPage {
    MAIN(1),
    TIMING(2),
    TRIG(3),
    CONFIG(4),
    DOWNLOAD(6),
    PROTOCOL(7),
    MEP(8),
    SERVICE(13),
    TREATMENT(15),
    TREAT_SELECT(16);

    private final int code;

    MagProPage(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<MagProPage> fromCode(int code) {
        for (MagProPage p : values()) {
            if (p.code == code) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
