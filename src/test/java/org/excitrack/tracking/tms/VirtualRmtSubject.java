package org.excitrack.tracking.tms;

import java.util.Random;
import org.excitrack.model.Sweep;
import org.excitrack.sim.cortex.Cortex;
import org.excitrack.sim.cortex.CortexParameters;
import org.excitrack.sim.cortex.CortexTrial;
import org.excitrack.sim.cortex.CortexTruth;
import org.excitrack.sim.cortex.CorticalResponse;

/**
 * One virtual subject for motor-threshold methods: the true threshold for a target, and MEPs to single pulses at
 * rest measured as a session would, through a recorded sweep and {@link MepMeasurer}. Shared by the accuracy test
 * and the RMT benchmark.
 */
public final class VirtualRmtSubject {
    /** The amplifier's own noise on top of the cortex's 3 µV rms resting EMG. */
    public static final double AMPLIFIER_NOISE_MICROVOLTS_RMS = 2;
    private static final long ONSET = CortexTrial.STANDARD_TEST_ONSET_MICROS;
    private static final MepMeasurer MEASURER = MepMeasurer.restingDefaults();

    private final Cortex cortex;
    private final double truthPercentMso;

    /**
     * @param targetMicrovolts 50 µV (truth: {@link CortexTruth#ifcnRestingMotorThresholdPercent()}) or 200 µV
     *     (truth: {@link CortexTruth#restingMotorThresholdPercent()}); any other target by the general form
     */
    public VirtualRmtSubject(CortexParameters parameters, double targetMicrovolts) {
        this.cortex = new Cortex(parameters);
        CortexTruth truth = new CortexTruth(cortex);
        this.truthPercentMso = truth.thresholdPercent(CortexTrial::single, targetMicrovolts / 1000);
    }

    /** The output at which the median MEP is the target, %MSO, noise-free. */
    public double truthPercentMso() {
        return truthPercentMso;
    }

    /**
     * The measured peak-to-peak MEP to one pulse at {@code intensityPercentMso}; a trial whose pre-stimulus EMG
     * fails the resting criterion is repeated, as a session would.
     */
    public double mepMicrovolts(int intensityPercentMso, Random random) {
        while (true) {
            CorticalResponse response = cortex.respond(CortexTrial.single(intensityPercentMso), random);
            Sweep sweep = CortexSweeps.record(response, ONSET - 110_000, ONSET + 60_000,
                    AMPLIFIER_NOISE_MICROVOLTS_RMS, random);
            MepMeasures measures = MEASURER.measure(sweep, ONSET);
            if (measures.isAccepted()) {
                return measures.peakToPeakMicrovolts();
            }
        }
    }
}
