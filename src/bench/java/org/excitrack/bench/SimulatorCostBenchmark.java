package org.excitrack.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.excitrack.analysis.ExcitabilityVariables;
import org.excitrack.model.Polarity;
import org.excitrack.model.PolarizingStep;
import org.excitrack.model.Pulse;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.TrialSpec;
import org.excitrack.sim.SimulatorConfig;
import org.excitrack.sim.SubjectTruth;
import org.excitrack.sim.nerve.TrondnfConditions;
import org.excitrack.sim.subject.ElectrodeSignal;
import org.excitrack.sim.subject.VirtualSubject;

/**
 * What the virtual subject costs the simulator: a full TRONDNF's worth of trials (each condition tracked a few
 * times with the small trial-to-trial changes in current that tracking makes), the CMAP sampled at 10 kHz over
 * a 30 ms sweep as the virtual amplifier does, per layer; trials on a condition seen before (cached) and new
 * ones (uncached) separately; and the time {@code excitrack sim --truth} takes.
 */
final class SimulatorCostBenchmark {
    private static final int REPEATS_PER_CONDITION = 4;
    private static final int SAMPLE_RATE_HZ = 10_000;
    private static final long SWEEP_MICROS = 30_000;

    private SimulatorCostBenchmark() {
    }

    /** Runs this benchmark alone. */
    public static void main(String[] args) {
        System.out.print(run());
    }

    static String run() {
        StringBuilder out = new StringBuilder("Virtual subject cost (one thread), TRONDNF's trials:\n");
        for (String layer : List.of("phenomenological", "biophysical")) {
            out.append(measure(layer));
        }
        return out.toString();
    }

    private static String measure(String layer) {
        VirtualSubject subject;
        try {
            subject = SimulatorConfig.fromParameters(Map.of("subject", "healthy", "layer", layer, "seed", "1")).subject();
        } catch (IllegalArgumentException e) {
            return String.format(Locale.ROOT, "  %-17s not available: %s%n", layer, e.getMessage());
        }
        double thresholdMilliamps = subject.nerveTruth().thresholdMilliamps(1.0, 40);
        List<List<TrialSpec>> conditions = trondnfTrials(thresholdMilliamps, new Random(7));
        Random random = new Random(11);
        List<Long> first = new ArrayList<>();
        List<Long> repeated = new ArrayList<>();
        long start = System.nanoTime();
        for (List<TrialSpec> condition : conditions) {
            for (int i = 0; i < condition.size(); i++) {
                long t0 = System.nanoTime();
                sample(subject.respond(org.excitrack.sim.subject.Stimulation.electrical(condition.get(i), SWEEP_MICROS),
                        random));
                (i == 0 ? first : repeated).add(System.nanoTime() - t0);
            }
        }
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        long truthStart = System.nanoTime();
        SubjectTruth.of(subject, 40, r -> ExcitabilityVariables.compute(r).numbered());
        double truthSeconds = (System.nanoTime() - truthStart) / 1e9;
        return String.format(Locale.ROOT, "  %-17s %d trials in %.2f s; per trial: new condition p50 %.2f ms, "
                        + "p99 %.2f ms; seen condition p50 %.3f ms, p99 %.3f ms; --truth %.2f s%n", layer,
                first.size() + repeated.size(), totalSeconds, percentile(first, 50), percentile(first, 99),
                percentile(repeated, 50), percentile(repeated, 99), truthSeconds);
    }

    /** Stimulus-response, charge-duration, electrotonus, I/V and recovery trials, several per condition. */
    static List<List<TrialSpec>> trondnfTrials(double thresholdMilliamps, Random random) {
        List<List<TrialSpec>> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double mA = thresholdMilliamps * (0.8 + 0.01 * i);
            all.add(List.of(trial(List.of(pulse(0, 1.0, mA)), List.of())));
        }
        for (double w : TrondnfConditions.CHARGE_DURATION_WIDTHS_MILLIS) {
            all.add(repeat(random, r -> trial(List.of(pulse(0, w, thresholdMilliamps * (1 + 0.435 / w) / 1.435 * r)),
                    List.of())));
        }
        for (double percent : TrondnfConditions.ELECTROTONUS_PERCENTS) {
            for (double delay : TrondnfConditions.electrotonusDelays(percent)) {
                all.add(repeat(random, r -> trial(List.of(pulse(delay, 1.0, thresholdMilliamps * r)),
                        List.of(step(10, 100, percent / 100 * thresholdMilliamps * r)))));
            }
        }
        for (double percent : TrondnfConditions.CURRENT_THRESHOLD_PERCENTS) {
            all.add(repeat(random, r -> trial(List.of(pulse(199, 1.0, thresholdMilliamps * r)),
                    percent == 0 ? List.of() : List.of(step(0, 200, percent / 100 * thresholdMilliamps * r)))));
        }
        for (double isi : TrondnfConditions.RECOVERY_INTERVALS_MILLIS) {
            all.add(repeat(random, r -> trial(List.of(pulse(0, 1.0, 3 * thresholdMilliamps),
                    pulse(isi, 1.0, thresholdMilliamps * r)), List.of())));
        }
        return all;
    }

    private interface TrialAt {
        TrialSpec at(double relativeCurrent);
    }

    private static List<TrialSpec> repeat(Random random, TrialAt trial) {
        List<TrialSpec> trials = new ArrayList<>();
        for (int i = 0; i < REPEATS_PER_CONDITION; i++) {
            trials.add(trial.at(1 + 0.02 * random.nextGaussian()));
        }
        return trials;
    }

    private static TrialSpec trial(List<Pulse> pulses, List<PolarizingStep> steps) {
        return new TrialSpec(1, pulses, steps, List.of(), RecordingWindow.CONFIGURED_DEFAULT);
    }

    private static Pulse pulse(double onsetMillis, double widthMillis, double milliamps) {
        return Pulse.cathodal(Math.round(onsetMillis * 1000), Math.round(widthMillis * 1000), Math.round(milliamps * 1e6));
    }

    private static PolarizingStep step(double onsetMillis, double durationMillis, double milliamps) {
        return new PolarizingStep(Math.round(onsetMillis * 1000), Math.round(durationMillis * 1000),
                Math.round(Math.abs(milliamps) * 1e6), milliamps >= 0 ? Polarity.CATHODAL : Polarity.ANODAL);
    }

    private static double sample(ElectrodeSignal signal) {
        double sum = 0;
        long n = SWEEP_MICROS * SAMPLE_RATE_HZ / 1_000_000;
        for (long i = 0; i < n; i++) {
            sum += signal.microvoltsAt(i * 1e6 / SAMPLE_RATE_HZ);
        }
        return sum;
    }

    private static double percentile(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
