package org.excitrack.model.tms;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A stimulator's state as last read from it.
 *
 * @param remoteControl whether the stimulator accepts our commands (Magstim remote mode; always true for MagPro)
 * @param coilPresent whether a coil is connected
 * @param coilTemperatureCelsius the hottest coil winding, when known
 * @param powers the outputs as read back from the stimulator
 * @param pairIntervalMicros the stimulator's own interval between A and B (BiStim² ISI, MagPro IPI), when set
 * @param fault what the stimulator reports as wrong (error bits, replace coil, over-temperature), if anything
 */
public record StimulatorStatus(boolean remoteControl, ChargeState charge, boolean coilPresent,
                               OptionalDouble coilTemperatureCelsius, StimulatorPowers powers,
                               Optional<Long> pairIntervalMicros, Optional<String> fault) {
    public StimulatorStatus {
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(coilTemperatureCelsius, "coilTemperatureCelsius");
        Objects.requireNonNull(powers, "powers");
        Objects.requireNonNull(pairIntervalMicros, "pairIntervalMicros");
        Objects.requireNonNull(fault, "fault");
    }

    public boolean ready() {
        return charge == ChargeState.READY && fault.isEmpty();
    }
}
