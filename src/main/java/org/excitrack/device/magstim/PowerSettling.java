package org.excitrack.device.magstim;

import org.excitrack.model.tms.StimulatorPowers;

/**
 * How long a Magstim needs after a power change before it delivers the new power: 100 ms per 1 % drop (the
 * capacitor discharges through a resistor) and 10 ms per 1 % rise (MagPy's {@code setPower} docstring, tms.md
 * §1.7). A BiStim²'s two stimulators settle in parallel, so the slower one decides.
 */
final class PowerSettling {
    static final long MICROS_PER_PERCENT_DROP = 100_000;
    static final long MICROS_PER_PERCENT_RISE = 10_000;

    private PowerSettling() {
    }

    static long micros(StimulatorPowers from, StimulatorPowers to) {
        return Math.max(micros(from.outputAPercent(), to.outputAPercent()),
                micros(from.outputBPercent(), to.outputBPercent()));
    }

    static long micros(int fromPercent, int toPercent) {
        return toPercent < fromPercent ? (fromPercent - toPercent) * MICROS_PER_PERCENT_DROP
                : (toPercent - fromPercent) * MICROS_PER_PERCENT_RISE;
    }
}
