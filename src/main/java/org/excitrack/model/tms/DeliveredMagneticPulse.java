package org.excitrack.model.tms;

import java.util.Objects;

/**
 * One magnetic pulse of a trial as it was set up: which output, fired by which trigger line of the unit, when
 * (µs after the trial's time zero) and at what output.
 */
public record DeliveredMagneticPulse(MagneticOutput output, int triggerLine, long onsetMicros, int intensityPercentMso) {
    public DeliveredMagneticPulse {
        Objects.requireNonNull(output, "output");
        if (intensityPercentMso < 0 || intensityPercentMso > StimulatorPowers.MAX_PERCENT) {
            throw new IllegalArgumentException("intensity " + intensityPercentMso + " %MSO must lie in 0.."
                    + StimulatorPowers.MAX_PERCENT);
        }
    }
}
