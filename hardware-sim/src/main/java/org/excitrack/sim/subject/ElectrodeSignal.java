package org.excitrack.sim.subject;

/** Voltage at the recording electrodes as a function of time within a trial. */
@FunctionalInterface
public interface ElectrodeSignal {
    ElectrodeSignal SILENT = t -> 0.0;

    /** Microvolts at {@code timeMicros} after the trial's time zero. */
    double microvoltsAt(double timeMicros);
}
