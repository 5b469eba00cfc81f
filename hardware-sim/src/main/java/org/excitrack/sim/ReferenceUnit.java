package org.excitrack.sim;

import org.excitrack.model.SafetyLimits;
import org.excitrack.model.UnitCapabilities;

/** Capabilities of our reference acquisition unit, as firmware-protocol/PROTOCOL.md states them. */
public final class ReferenceUnit {
    public static final String MODEL = "Excitrack AU-1 (simulated)";
    public static final String FIRMWARE = "sim-1.0.0";

    public static final UnitCapabilities CAPABILITIES = UnitCapabilities.referenceUnit();

    /** 50 mA, 100 µC per pulse, polarizing 20 mA / 20 mC / 1 s, trials at most 20 per second. */
    public static final SafetyLimits HARD_LIMITS = CAPABILITIES.hardLimits();

    private ReferenceUnit() {
    }
}
