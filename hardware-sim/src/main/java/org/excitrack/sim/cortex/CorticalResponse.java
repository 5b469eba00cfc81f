package org.excitrack.sim.cortex;

import java.util.List;
import org.excitrack.sim.subject.ElectrodeSignal;

/**
 * What the electrodes over the muscle record in one trial from the cortical side: resting background EMG,
 * voluntary EMG (silenced during each cortical silent period), and the MEPs. Everything random was drawn when
 * the response was built, so this is a fixed function of time.
 */
public final class CorticalResponse implements ElectrodeSignal {
    /** EMG returns over a few milliseconds at the end of a silent period, not in one sample. */
    private static final double RECOVERY_MICROS = 5_000;

    private final List<EvokedMep> meps;
    private final BackgroundEmg resting;
    private final BackgroundEmg voluntary;
    private final double phaseWidthMicros;
    private final double residualFraction;

    CorticalResponse(List<EvokedMep> meps, BackgroundEmg resting, BackgroundEmg voluntary, double phaseWidthMicros,
            double residualFraction) {
        this.meps = List.copyOf(meps);
        this.resting = resting;
        this.voluntary = voluntary;
        this.phaseWidthMicros = phaseWidthMicros;
        this.residualFraction = residualFraction;
    }

    /** The MEPs of this trial, in time order. */
    public List<EvokedMep> meps() {
        return meps;
    }

    @Override
    public double microvoltsAt(double timeMicros) {
        // Only the voluntary drive is silenced: the resting background is not motor-unit firing the
        // cortex sustains, which is why a silent period is invisible at rest.
        double v = resting.microvoltsAt(timeMicros) + voluntaryGain(timeMicros) * voluntary.microvoltsAt(timeMicros);
        for (EvokedMep mep : meps) {
            v += MepWaveform.microvoltsAt(timeMicros - mep.onsetMicros(), mep.peakToPeakMicrovolts(), phaseWidthMicros);
        }
        return v;
    }

    private double voluntaryGain(double timeMicros) {
        double gain = 1;
        for (EvokedMep mep : meps) {
            double since = timeMicros - mep.onsetMicros();
            double duration = mep.silentPeriodMillis() * 1000;
            if (duration <= 0 || since < 0) {
                continue;
            }
            if (since <= duration) {
                gain = Math.min(gain, residualFraction);
            } else if (since < duration + RECOVERY_MICROS) {
                gain = Math.min(gain, residualFraction + (1 - residualFraction) * (since - duration) / RECOVERY_MICROS);
            }
        }
        return gain;
    }
}
