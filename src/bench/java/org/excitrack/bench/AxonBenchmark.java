package org.excitrack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.excitrack.model.excitability.StimulusResponseCurve;
import org.excitrack.sim.nerve.AxonTruth;
import org.excitrack.sim.nerve.NormalizedTrial;
import org.excitrack.sim.nerve.TrondnfConditions;
import org.excitrack.sim.nerve.axon.AxonParameters;
import org.excitrack.sim.nerve.axon.BiophysicalAxon;

/**
 * What the biophysical axon costs the simulator (wall clock, one thread, JIT warmed): the full TRONDNF truth
 * uncached, one threshold, a cached answer, and a TRONDNF session's worth of trials (≈ 700 trials over ≈ 100
 * conditions, with the controller's polarizing currents varying by ±0.5 % of threshold from trial to trial).
 */
final class AxonBenchmark {
    private static final int ROUNDS = 3;

    private AxonBenchmark() {
    }

    public static void main(String[] args) {
        System.out.print(run());
    }

    static String run() {
        AxonParameters p = AxonParameters.healthy();
        warmUp(p);

        double curvesMillis = Double.POSITIVE_INFINITY;
        int conditions = 0;
        BiophysicalAxon axon = null;
        for (int r = 0; r < ROUNDS; r++) {
            axon = new BiophysicalAxon(p);
            long t0 = System.nanoTime();
            AxonTruth.curves(axon, 1.0, StimulusResponseCurve.empty(), Map.of());
            curvesMillis = Math.min(curvesMillis, (System.nanoTime() - t0) / 1e6);
            conditions = axon.cachedConditions();
        }

        int calls = 0;
        long t1 = System.nanoTime();
        for (int r = 0; r < 20; r++) {
            AxonTruth.curves(axon, 1.0, StimulusResponseCurve.empty(), Map.of());
            calls += conditions;
        }
        double cachedMicros = (System.nanoTime() - t1) / 1e3 / calls;

        double sessionMillis = Double.POSITIVE_INFINITY;
        int trials = 0;
        int sessionConditions = 0;
        for (int r = 0; r < ROUNDS; r++) {
            BiophysicalAxon fresh = new BiophysicalAxon(p);
            List<Runnable> session = session(new Random(r), fresh);
            long t2 = System.nanoTime();
            session.forEach(Runnable::run);
            sessionMillis = Math.min(sessionMillis, (System.nanoTime() - t2) / 1e6);
            trials = session.size();
            sessionConditions = fresh.cachedConditions();
        }
        return String.format(Locale.ROOT, "Biophysical axon (healthy, one thread, best of %d):%n"
                        + "  full TRONDNF truth, uncached: %.0f ms for %d conditions = %.2f ms per threshold%n"
                        + "  cached answer: %.2f µs%n"
                        + "  TRONDNF session: %d trials over %d computed conditions in %.0f ms%n",
                ROUNDS, curvesMillis, conditions, curvesMillis / conditions, cachedMicros, trials, sessionConditions,
                sessionMillis);
    }

    /** A TRONDNF-like run: every condition asked 5–9 times with the polarizing current jittered by ±0.5 %. */
    private static List<Runnable> session(Random random, BiophysicalAxon sessionAxon) {
        List<Runnable> trials = new ArrayList<>();
        int[] repeats = {5, 6, 7, 8, 9};
        for (double w : TrondnfConditions.CHARGE_DURATION_WIDTHS_MILLIS) {
            for (int k = 0; k < repeats[random.nextInt(repeats.length)]; k++) {
                trials.add(() -> sessionAxon.thresholdFactor(TrondnfConditions.strengthDuration(w), 0, -1));
            }
        }
        for (double percent : TrondnfConditions.ELECTROTONUS_PERCENTS) {
            for (double delay : TrondnfConditions.electrotonusDelays(percent)) {
                for (int k = 0; k < 4; k++) {
                    double jittered = (percent + random.nextDouble() - 0.5) / 100;
                    trials.add(() -> sessionAxon.thresholdFactor(TrondnfConditions.electrotonus(jittered, delay), 0, -1));
                }
            }
        }
        for (double percent : TrondnfConditions.CURRENT_THRESHOLD_PERCENTS) {
            for (int k = 0; k < 6; k++) {
                double jittered = (percent + random.nextDouble() - 0.5) / 100;
                trials.add(() -> sessionAxon.thresholdFactor(TrondnfConditions.currentThreshold(jittered), 0, -1));
            }
        }
        for (double isi : TrondnfConditions.RECOVERY_INTERVALS_MILLIS) {
            for (int k = 0; k < 6; k++) {
                trials.add(() -> sessionAxon.thresholdFactor(TrondnfConditions.recoveryCycle(isi), 1, 0));
            }
        }
        return trials;
    }

    private static void warmUp(AxonParameters p) {
        for (int i = 0; i < 2; i++) {
            AxonTruth.curves(new BiophysicalAxon(p), 1.0, StimulusResponseCurve.empty(), Map.of());
        }
        NormalizedTrial.singlePulse(1, 1);
    }
}
