package org.excitrack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.excitrack.sim.cortex.CortexParameters;
import org.excitrack.tracking.tms.MotorThresholdMethodKind;
import org.excitrack.tracking.tms.RmtComparison;
import org.excitrack.tracking.tms.VirtualRmtSubject;

/**
 * The motor-threshold methods (IFCN 5-of-10, ML-PEST, Excitrack's) side by side on 200 virtual cortices drawn
 * around the healthy preset with the Goetz population spread ({@code CortexPopulation}, seed
 * {@value #SEED}). Truth is each cortex's own median-MEP threshold for the target, noise-free
 * ({@code CortexTruth}: the IFCN 50 µV definition by default). MEPs are single pulses at rest from
 * {@code Cortex.respond}, recorded as a 5 kHz sweep with 2 µV rms amplifier noise on top of the cortex's 3 µV rms
 * resting EMG, and measured as a session measures them ({@code MepMeasurer}: peak-to-peak 15–50 ms after the
 * pulse). See {@link RmtComparison} for the two runs per method and the starts.
 *
 * <p>Accuracy, not time: the figures do not depend on the machine. Usage: {@code RmtMethodsBenchmark [subjects]
 * [targetMicrovolts]} (200, 50).
 */
final class RmtMethodsBenchmark {
    static final long SEED = 20_261_201L;
    static final double TOLERANCE_PERCENT_MSO = 2;

    private RmtMethodsBenchmark() {
    }

    /** Runs this benchmark alone. */
    public static void main(String[] args) {
        int subjects = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        double target = args.length > 1 ? Double.parseDouble(args[1]) : 50;
        System.out.print(run(subjects, target));
    }

    static String run() {
        return run(200, 50);
    }

    static String run(int subjects, double targetMicrovolts) {
        long start = System.nanoTime();
        RmtComparison comparison = new RmtComparison(CortexParameters.healthy(), subjects, targetMicrovolts, SEED,
                RmtComparison.HORIZON_STIMULI);
        List<RmtComparison.MethodResult> results = new ArrayList<>();
        for (MotorThresholdMethodKind kind : MotorThresholdMethodKind.values()) {
            results.add(comparison.run(kind, TOLERANCE_PERCENT_MSO));
        }
        double[] truth = comparison.subjects().stream().mapToDouble(VirtualRmtSubject::truthPercentMso).sorted()
                .toArray();
        return String.format(Locale.ROOT, "Motor threshold methods, %d virtual subjects (healthy population, seed %d), "
                        + "target %.0f µV; true thresholds %.1f–%.1f %%MSO (median %.1f); MEPs measured from sweeps "
                        + "(%.0f µV rms amplifier noise); %.0f s%n", subjects, SEED, targetMicrovolts, truth[0],
                truth[truth.length - 1], truth[truth.length / 2], VirtualRmtSubject.AMPLIFIER_NOISE_MICROVOLTS_RMS,
                (System.nanoTime() - start) / 1e9)
                + RmtComparison.table(results, TOLERANCE_PERCENT_MSO)
                + RmtComparison.accuracyByStimuli(results, 5, 10, 15, 20, 30)
                + String.format(Locale.ROOT, "  (starts: ifcn %d %%MSO, others %d %%MSO; trajectories up to %d "
                        + "stimuli; \"never\" = not within ±%.0f %%MSO at the end)%n",
                RmtComparison.IFCN_START_PERCENT_MSO, RmtComparison.GUESS_START_PERCENT_MSO,
                RmtComparison.HORIZON_STIMULI, TOLERANCE_PERCENT_MSO);
    }
}
