package org.excitrack.tracking.tms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.excitrack.sim.cortex.CortexParameters;
import org.excitrack.sim.cortex.CortexPopulation;

/**
 * The three motor-threshold methods side by side on a population of virtual cortices: how many stimuli each
 * needs until its estimate is within a tolerance of the truth and stays there, and where it stands when it
 * stops by its own rule. Shared by the accuracy test (a few subjects) and the RMT benchmark (200).
 *
 * <p>Each method is run twice per subject, with its own random stream: once with its stopping rule switched off
 * (up to {@code horizonStimuli}, {@link #HORIZON_STIMULI} in the benchmark) for the trajectory, once as it is
 * configured for use, for the stop.
 * The IFCN rule has no stopping rule to switch off; its one run serves both. Starts: the IFCN rule at
 * {@link #IFCN_START_PERCENT_MSO}, above most thresholds as the rule requires; ML-PEST and Excitrack at
 * {@link #GUESS_START_PERCENT_MSO}, the population's typical threshold, as both take the start for a best guess.
 */
public final class RmtComparison {
    /** The trajectory runs' length in the benchmark. */
    public static final int HORIZON_STIMULI = 50;
    public static final int IFCN_START_PERCENT_MSO = 55;
    public static final int GUESS_START_PERCENT_MSO = 45;
    /** Enough for the IFCN rule from 55 %MSO down to the lowest thresholds in the population. */
    private static final int IFCN_BUDGET = 250;

    /** One method's results over the population. */
    public record MethodResult(MotorThresholdMethodKind kind, int[] stimuliUntilWithin, double[] errorAtStopPercentMso,
                               int[] stimuliAtStop, int finishedOnOwnRule, double[][] trajectoryErrorsPercentMso) {
        /**
         * The p-quantile over subjects of |error| after {@code stimuli} stimuli of the trajectory run; NaN where a
         * subject's run had no estimate (or had ended) by then, which counts as the largest error.
         */
        public double absoluteErrorAfterQuantile(int stimuli, double p) {
            double[] errors = new double[trajectoryErrorsPercentMso.length];
            for (int i = 0; i < errors.length; i++) {
                double[] run = trajectoryErrorsPercentMso[i];
                double e = stimuli <= run.length ? Math.abs(run[stimuli - 1]) : Double.NaN;
                errors[i] = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
            }
            return quantile(errors, p);
        }

        public double medianStimuliUntilWithin() {
            return quantile(Arrays.stream(stimuliUntilWithin).asDoubleStream().toArray(), 0.5);
        }

        public double stimuliUntilWithinQuantile(double p) {
            return quantile(Arrays.stream(stimuliUntilWithin).asDoubleStream().toArray(), p);
        }

        public long neverWithin() {
            return Arrays.stream(stimuliUntilWithin).filter(n -> n == RmtRun.NEVER).count();
        }

        public double absoluteErrorAtStopQuantile(double p) {
            return quantile(Arrays.stream(errorAtStopPercentMso).map(Math::abs).toArray(), p);
        }

        public double meanErrorAtStop() {
            return Arrays.stream(errorAtStopPercentMso).average().orElse(Double.NaN);
        }

        public double stimuliAtStopQuantile(double p) {
            return quantile(Arrays.stream(stimuliAtStop).asDoubleStream().toArray(), p);
        }
    }

    private final List<VirtualRmtSubject> subjects;
    private final double targetMicrovolts;
    private final long seed;
    private final int horizonStimuli;

    /**
     * @param base the preset the population varies around
     * @param subjects how many subjects
     * @param targetMicrovolts the MEP that defines threshold (truth: the median-MEP crossing of that target)
     * @param seed selects the population and every random stream
     * @param horizonStimuli length of the trajectory runs, and the budget of the runs as configured for use
     */
    public RmtComparison(CortexParameters base, int subjects, double targetMicrovolts, long seed, int horizonStimuli) {
        CortexPopulation population = new CortexPopulation(base, seed);
        this.subjects = new ArrayList<>();
        for (int i = 0; i < subjects; i++) {
            this.subjects.add(new VirtualRmtSubject(population.subject(i), targetMicrovolts));
        }
        this.targetMicrovolts = targetMicrovolts;
        this.seed = seed;
        this.horizonStimuli = horizonStimuli;
    }

    public List<VirtualRmtSubject> subjects() {
        return subjects;
    }

    /** Runs {@code kind} on every subject; the tolerance is in %MSO. */
    public MethodResult run(MotorThresholdMethodKind kind, double tolerancePercentMso) {
        int n = subjects.size();
        int[] until = new int[n];
        double[] error = new double[n];
        int[] stimuli = new int[n];
        double[][] trajectories = new double[n][];
        int ownRule = 0;
        for (int i = 0; i < n; i++) {
            VirtualRmtSubject subject = subjects.get(i);
            RmtRun atStop = RmtRun.of(forUse(kind), subject, random(i, kind, 0));
            RmtRun trajectory = kind == MotorThresholdMethodKind.IFCN ? atStop
                    : RmtRun.of(withoutStoppingRule(kind), subject, random(i, kind, 1));
            until[i] = trajectory.stimuliUntilWithin(subject.truthPercentMso(), tolerancePercentMso);
            trajectories[i] = trajectory.estimatesPercentMso().stream()
                    .mapToDouble(e -> e - subject.truthPercentMso()).toArray();
            error[i] = atStop.errorAtStopPercentMso(subject.truthPercentMso());
            stimuli[i] = atStop.stimuliAtStop();
            if (atStop.reason() == FinishReason.STOP_RULE_MET) {
                ownRule++;
            }
        }
        return new MethodResult(kind, until, error, stimuli, ownRule, trajectories);
    }

    private MotorThresholdMethod forUse(MotorThresholdMethodKind kind) {
        return switch (kind) {
            case IFCN -> kind.create(settings(IFCN_START_PERCENT_MSO, IFCN_BUDGET));
            case ML_PEST, EXCITRACK -> kind.create(settings(GUESS_START_PERCENT_MSO, horizonStimuli));
        };
    }

    private MotorThresholdMethod withoutStoppingRule(MotorThresholdMethodKind kind) {
        MotorThresholdSettings settings = settings(GUESS_START_PERCENT_MSO, horizonStimuli);
        Function<MotorThresholdSettings, MotorThresholdMethod> open = switch (kind) {
            case ML_PEST -> s -> new MlPestMethod(s, MlPestMethod.Settings.standard().withStimuli(horizonStimuli));
            case EXCITRACK -> s -> new BayesianAmplitudeMethod(s,
                    BayesianAmplitudeMethod.Settings.standard(targetMicrovolts).withStopSdPercentMso(0));
            case IFCN -> throw new IllegalArgumentException("the IFCN rule has no stopping rule to switch off");
        };
        return open.apply(settings);
    }

    private MotorThresholdSettings settings(int start, int budget) {
        return new MotorThresholdSettings(targetMicrovolts, start, 100, budget);
    }

    private Random random(int subject, MotorThresholdMethodKind kind, int run) {
        return new Random(seed * 1_000_003L + subject * 31L * 31 + kind.ordinal() * 31L + run);
    }

    /** The results as a table, one row per method. */
    public static String table(List<MethodResult> results, double tolerancePercentMso) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "  %-10s | stimuli until within ±%.0f %%MSO and staying: median, p90, never | at its own stop: "
                        + "median |error| %%MSO, p90, mean error | stimuli at stop: median, p90 "
                        + "| stopped by own rule%n",
                "method", tolerancePercentMso));
        for (MethodResult r : results) {
            out.append(String.format(Locale.ROOT,
                    "  %-10s | %6s %6s %4d of %-3d | %6.2f %6.2f %+6.2f | %5.0f %5.0f | %d of %d%n",
                    r.kind().id(), count(r.medianStimuliUntilWithin()), count(r.stimuliUntilWithinQuantile(0.9)),
                    r.neverWithin(), r.stimuliUntilWithin().length, r.absoluteErrorAtStopQuantile(0.5),
                    r.absoluteErrorAtStopQuantile(0.9), r.meanErrorAtStop(), r.stimuliAtStopQuantile(0.5),
                    r.stimuliAtStopQuantile(0.9), r.finishedOnOwnRule(), r.stimuliAtStop().length));
        }
        return out.toString();
    }

    /** Median (p90) |error| after a given number of stimuli, for the methods with a trajectory run. */
    public static String accuracyByStimuli(List<MethodResult> results, int... stimuli) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "  %-10s | median (p90) |error| %%MSO of the trajectory run after n stimuli%n  %-10s |", "method", ""));
        for (int n : stimuli) {
            out.append(String.format(Locale.ROOT, " %13s", "n = " + n));
        }
        out.append(String.format("%n"));
        for (MethodResult r : results) {
            if (r.kind() == MotorThresholdMethodKind.IFCN) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "  %-10s |", r.kind().id()));
            for (int n : stimuli) {
                out.append(String.format(Locale.ROOT, " %5.2f (%5.2f)", r.absoluteErrorAfterQuantile(n, 0.5),
                        r.absoluteErrorAfterQuantile(n, 0.9)));
            }
            out.append(String.format("%n"));
        }
        return out.toString();
    }

    private static String count(double stimuli) {
        return stimuli >= RmtRun.NEVER ? "never" : String.format(Locale.ROOT, "%.0f", stimuli);
    }

    /** The p-quantile by the nearest-rank rule: a value that occurred, so "never" stays "never". */
    static double quantile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
