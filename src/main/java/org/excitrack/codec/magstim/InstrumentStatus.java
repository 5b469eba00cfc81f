package org.excitrack.codec.magstim;

import java.util.ArrayList;
import java.util.List;

/**
 * The instrument status byte that follows the echoed command in every normal Magstim reply (TDb086 §5,
 * tms.md §1.4). The stimulator reports its state as it was <em>before</em> the command took effect, except in
 * the replies to enable and disable remote control.
 *
 * @param raw the byte, 0..255
 */
public record InstrumentStatus(int raw) {
    public static final int STANDBY = 1;
    public static final int ARMED = 1 << 1;
    public static final int READY = 1 << 2;
    public static final int COIL_PRESENT = 1 << 3;
    public static final int REPLACE_COIL = 1 << 4;
    public static final int ERROR_PRESENT = 1 << 5;
    public static final int ERROR_FATAL = 1 << 6;
    public static final int REMOTE_CONTROL = 1 << 7;

    public InstrumentStatus {
        if (raw < 0 || raw > 0xFF) {
            throw new IllegalArgumentException("status byte " + raw + " is not in 0..255");
        }
    }

    public boolean standby() {
        return has(STANDBY);
    }

    /** Armed and still charging (the Ready bit not yet set). */
    public boolean armed() {
        return has(ARMED);
    }

    public boolean ready() {
        return has(READY);
    }

    public boolean coilPresent() {
        return has(COIL_PRESENT);
    }

    public boolean replaceCoil() {
        return has(REPLACE_COIL);
    }

    public boolean errorPresent() {
        return has(ERROR_PRESENT);
    }

    /** Meaningful only with {@link #errorPresent()}: a fatal error rather than a non-fatal one. */
    public boolean fatalError() {
        return has(ERROR_FATAL);
    }

    public boolean remoteControl() {
        return has(REMOTE_CONTROL);
    }

    /** Armed or ready: the capacitors are held charged or charging. */
    public boolean armedOrReady() {
        return armed() || ready();
    }

    /** e.g. {@code 0x8c (ready, coil present, remote control)}. */
    public String describe() {
        List<String> flags = new ArrayList<>();
        addIf(flags, STANDBY, "standby");
        addIf(flags, ARMED, "armed");
        addIf(flags, READY, "ready");
        addIf(flags, COIL_PRESENT, "coil present");
        addIf(flags, REPLACE_COIL, "replace coil");
        if (errorPresent()) {
            flags.add(fatalError() ? "fatal error" : "non-fatal error");
        }
        addIf(flags, REMOTE_CONTROL, "remote control");
        return MagstimBytes.hexByte(raw) + " (" + (flags.isEmpty() ? "no flags" : String.join(", ", flags)) + ")";
    }

    private void addIf(List<String> flags, int bit, String name) {
        if (has(bit)) {
            flags.add(name);
        }
    }

    private boolean has(int bit) {
        return (raw & bit) != 0;
    }
}
