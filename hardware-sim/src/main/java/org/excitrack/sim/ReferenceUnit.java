package org.excitrack.sim;

import java.util.List;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.UnitCapabilities;

/** Capabilities of our reference acquisition unit, as firmware-protocol/PROTOCOL.md states them. */
public final class ReferenceUnit {
    public static final String MODEL = "Excitrack AU-1 (simulated)";
    public static final String FIRMWARE = "sim-1.0.0";

    /** 50 mA, 100 µC per pulse, polarizing 20 mA / 20 mC / 1 s, trials at most 20 per second. */
    public static final SafetyLimits HARD_LIMITS =
            new SafetyLimits(50_000_000L, 100_000L, 20_000_000L, 20_000_000L, 1_000_000L, 50_000L);

    public static final UnitCapabilities CAPABILITIES = new UnitCapabilities(
            50_000_000L, 1_000L, 10L, 5_000L,
            List.of(1_000, 2_000, 5_000, 10_000, 20_000, 50_000),
            2, 2, 16_000, HARD_LIMITS);

    private ReferenceUnit() {
    }
}
