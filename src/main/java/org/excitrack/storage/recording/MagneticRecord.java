package org.excitrack.storage.recording;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.excitrack.model.tms.DeliveredMagneticPulse;
import org.excitrack.model.tms.MagneticThreshold;
import org.excitrack.model.tms.StimulatorIdentity;

/**
 * The magnetic part of a recording (schema 3, silent periods from schema 4): the stimulator used, each trial's
 * magnetic pulses as they were set up, the magnetic thresholds found, and the cortical silent period of each trial
 * given during a held contraction. Empty for a nerve recording.
 *
 * @param pulses by trial id, in onset order
 * @param silentPeriods by trial id: only trials in which a silent period was looked for
 */
public record MagneticRecord(Optional<StimulatorIdentity> stimulator, Map<Long, List<DeliveredMagneticPulse>> pulses,
                             List<Threshold> thresholds, Map<Long, SilentPeriod> silentPeriods) {
    public static final MagneticRecord NONE = new MagneticRecord(Optional.empty(), Map.of(), List.of(), Map.of());

    public MagneticRecord {
        Objects.requireNonNull(stimulator, "stimulator");
        pulses = Map.copyOf(pulses);
        thresholds = List.copyOf(thresholds);
        silentPeriods = Map.copyOf(silentPeriods);
    }

    public MagneticRecord(Optional<StimulatorIdentity> stimulator, Map<Long, List<DeliveredMagneticPulse>> pulses,
                          List<Threshold> thresholds) {
        this(stimulator, pulses, thresholds, Map.of());
    }

    /**
     * The cortical silent period looked for in one trial; times are µs from the test pulse, NaN when not found (or,
     * for the MEP onset, when no MEP stood out).
     *
     * @param found whether the EMG was suppressed long enough and came back within the sweep
     * @param referenceMicrovolts the pre-stimulus mean rectified EMG the suppression was judged against, µV
     */
    public record SilentPeriod(long trialId, boolean found, double mepOnsetMicros, double suppressionOnsetMicros,
                               double suppressionOffsetMicros, double referenceMicrovolts) {
        public static SilentPeriod found(long trialId, double mepOnsetMicros, double suppressionOnsetMicros,
                                         double suppressionOffsetMicros, double referenceMicrovolts) {
            return new SilentPeriod(trialId, true, mepOnsetMicros, suppressionOnsetMicros, suppressionOffsetMicros,
                    referenceMicrovolts);
        }

        public static SilentPeriod notFound(long trialId) {
            return new SilentPeriod(trialId, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }

        /** From the MEP onset to the return of EMG, ms (the CSP most labs report); NaN when not found or no MEP. */
        public double durationFromMepOnsetMillis() {
            return (suppressionOffsetMicros - mepOnsetMicros) / 1000;
        }

        /** From the pulse to the return of EMG, ms; NaN when not found. */
        public double durationFromPulseMillis() {
            return suppressionOffsetMicros / 1000;
        }
    }

    /** A magnetic threshold by section, point (empty for a motor threshold) and channel name. */
    public record Threshold(String section, String point, String channel, MagneticThreshold threshold) {
    }
}
