package org.excitrack.device;

import java.util.Optional;
import org.excitrack.model.SafetyLimits;

/**
 * The unit answered a command with an error. For a trial, nothing was delivered unless {@link #code()} is
 * {@code ABORTED} or {@code HARDWARE_FAULT}, when delivery stopped part-way.
 */
public final class UnitRefusedException extends DeviceException {
    private final String code;
    private final Optional<SafetyLimits.Limit> limit;

    public UnitRefusedException(String message, String code, Optional<SafetyLimits.Limit> limit) {
        super(message);
        this.code = code;
        this.limit = limit;
    }

    /** The unit's error code name, e.g. {@code LIMIT_EXCEEDED}. */
    public String code() {
        return code;
    }

    public Optional<SafetyLimits.Limit> limit() {
        return limit;
    }

    public boolean wasAborted() {
        return code.equals("ABORTED");
    }
}
