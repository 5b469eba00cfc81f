package org.excitrack.tracking.tms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.excitrack.analysis.tms.SiciProfile;
import org.excitrack.analysis.tms.ThresholdTrackingSici;
import org.excitrack.model.Sweep;
import org.excitrack.sim.cortex.Cortex;
import org.excitrack.sim.cortex.CortexParameters;
import org.excitrack.sim.cortex.CortexTrial;
import org.excitrack.sim.cortex.CortexTruth;
import org.excitrack.sim.cortex.CorticalResponse;
import org.junit.jupiter.api.Test;

/**
 * Parallel T-SICI end to end on the virtual cortex, without devices: the schedule picks the trials, the cortex
 * answers, {@link MepMeasurer} measures the recorded sweeps, the trackers follow the thresholds, and the analysis
 * turns them into T-SICI, which is compared with the cortex's own noise-free T-SICI.
 */
class TSiciOnTheVirtualCortexTest {
    private static final List<Double> ISIS = List.of(1.0, 1.5, 2.0, 2.5, 3.0, 3.5);
    private static final long ONSET = CortexTrial.STANDARD_TEST_ONSET_MICROS;

    private static SiciProfile measured(Cortex cortex, long seed) {
        int rmt = (int) Math.round(cortex.restingMotorThresholdPercent());
        int conditioning = (int) Math.round(0.7 * rmt);
        ParallelTtmsSchedule schedule = new ParallelTtmsSchedule(ISIS, 10, 2, rmt,
                LogAmplitudeRegression.tankisi(200), MsoThresholdTracker.Settings.standard(), seed);
        Random random = new Random(seed);
        MepMeasurer measurer = MepMeasurer.restingDefaults();
        while (!schedule.isFinished()) {
            TtmsTrial trial = schedule.next().orElseThrow();
            CortexTrial stimuli = trial.isTestAlone() ? CortexTrial.single(trial.testPercentMso())
                    : CortexTrial.paired(conditioning, trial.testPercentMso(), trial.intervalMillis());
            CorticalResponse response = cortex.respond(stimuli, random);
            Sweep sweep = CortexSweeps.record(response, ONSET - 120_000, ONSET + 60_000, 2, random);
            long first = stimuli.pulses().get(0).onsetMicros();
            double mep = measurer.measure(sweep, 0, ONSET, first).peakToPeakMicrovolts();
            schedule.completed(trial, trial.testPercentMso(), mep);
        }
        Map<Double, Double> conditioned = new LinkedHashMap<>();
        schedule.conditionedThresholds().forEach((isi, t) -> conditioned.put(isi, t.thresholdPercentMso()));
        return ThresholdTrackingSici.of(schedule.testAlone().estimate().orElseThrow().thresholdPercentMso(),
                conditioned);
    }

    private static double truthAveraged(Cortex cortex) {
        CortexTruth truth = new CortexTruth(cortex);
        return ISIS.stream().mapToDouble(isi -> truth.siciPercent(isi, 70)).average().orElseThrow();
    }

    @Test
    void parallelTrackingMeasuresTheHealthyCortexsSiciAndTellsAlsApart() {
        Cortex healthy = new Cortex(CortexParameters.healthy());
        Cortex als = new Cortex(CortexParameters.als());
        double healthySici = measured(healthy, 11).averaged1To3p5Millis().getAsDouble();
        double alsSici = measured(als, 11).averaged1To3p5Millis().getAsDouble();
        // 10 stimuli per ISI: each ISI's threshold is known to ≈ 1.5 %MSO, the six-ISI mean to a few % of RMT
        assertThat(healthySici).isCloseTo(truthAveraged(healthy), within(5.0));
        assertThat(alsSici).isCloseTo(truthAveraged(als), within(5.0));
        assertThat(healthySici - alsSici).isGreaterThan(4);
    }
}
