package org.excitrack.sim.nerve.axon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.excitrack.model.excitability.ElectrotonusCurve;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.RecordingHeader;
import org.excitrack.model.excitability.StimulusResponseCurve;
import org.excitrack.sim.nerve.AxonTruth;
import org.excitrack.sim.nerve.NormalizedTrial;
import org.excitrack.sim.nerve.NormalizedTrial.NormalizedPulse;
import org.excitrack.sim.nerve.NormalizedTrial.NormalizedStep;
import org.excitrack.sim.nerve.TrondnfConditions;

/**
 * Fits axon parameters to the healthy normative means (trondnf.md §4.2) with CMA-ES: minimizes
 * Σ weight·((model − mean)/SD)² over the TRONDNF variables, plus penalties for firing that a healthy or an
 * early-ALS axon must not show (spontaneous or repetitive firing under the +40 % electrotonus and +50 % I/V
 * currents, more than one action potential per suprathreshold pulse), for an ALS-early SDTC less than 15 %
 * longer than healthy, for early ALS not fanning out depolarizing electrotonus, and for electrotonus shapes real
 * axons do not show (a damped oscillation during the current).
 *
 * <p>The variables are computed by an injected function (QtracP's definitions live in the analysis layer, which
 * simulator code may not depend on). Fitted parameters are encoded relative to the start: log-ratio for
 * conductances, capacitances and rate scales, mV/scale for shifts. Deterministic for a given seed apart from the
 * wall-clock limit, which only decides when to stop.
 */
public final class AxonCalibration {
    /** One fitted variable: QtracP number, normative mean ± SD and the weight of its squared z. */
    public record Target(int variable, String label, double mean, double sd, double weight) {
    }

    /**
     * One free parameter: log-scaled (value = start·e^x) or linear (value = start + x·scale), x within
     * [−limit, limit], first step {@code sigma} in x.
     */
    public record FreeParameter(String name, boolean logScale, double scale, double limit, double sigma) {
        static FreeParameter log(String name) {
            return new FreeParameter(name, true, 1, Math.log(8), 0.25);
        }

        static FreeParameter linear(String name, double mV) {
            return new FreeParameter(name, false, mV, 4, 0.4);
        }

        double decode(double start, double x) {
            return logScale ? start * Math.exp(x) : start + x * scale;
        }
    }

    /** The normative means ± SD of 193 healthy median-nerve recordings (trondnf.md §4.2). */
    public static final List<Target> NORMATIVE_TARGETS = List.of(
            new Target(3, "SDTC (ms)", 0.435, 0.099, 1),
            new Target(12, "TEd(10-20ms)", 67.0, 4.8, 1),
            new Target(20, "TEd(40-60ms)", 50.1, 4.6, 1),
            new Target(21, "TEd(90-100ms)", 44.1, 4.3, 1),
            new Target(25, "TEd(peak)", 66.3, 4.6, 1),
            new Target(26, "S2 accommodation", 22.2, 4.0, 1),
            new Target(23, "TEd(undershoot)", -19.5, 4.1, 1),
            new Target(22, "TEh(10-20ms)", -74.2, 6.4, 1),
            new Target(30, "TEh(20-40ms)", -92.1, 9.5, 1),
            new Target(11, "TEh(90-100ms)", -119.2, 18.9, 1),
            new Target(24, "TEh(overshoot)", 15.2, 4.9, 1),
            new Target(13, "Superexcitability (%)", -24.4, 6.3, 1),
            new Target(14, "Subexcitability (%)", 16.0, 5.2, 1),
            new Target(10, "RRP (ms)", 2.97, 0.42, 1),
            new Target(29, "Refractoriness at 2.5ms (%)", 25.8, 54.8, 0.25),
            new Target(7, "Resting I/V slope", 0.615, 0.093, 1),
            new Target(8, "Minimum I/V slope", 0.243, 0.046, 1),
            new Target(28, "Hyperpol. I/V slope", 0.350, 0.073, 1));

    /** The parameters the calibration moves (16); all others stay at the start values. */
    public static final List<FreeParameter> FREE_PARAMETERS = List.of(
            FreeParameter.log("internodeCapacitance_pF"),
            FreeParameter.log("barrettBarrett_nS"),
            FreeParameter.log("myelinCapacitance_pF"),
            FreeParameter.log("persistentNaFraction"),
            FreeParameter.log("nodalSlowK_nS"),
            FreeParameter.log("internodalSlowK_nS"),
            FreeParameter.log("slowKAlphaScale"),
            FreeParameter.log("hcn_nS"),
            FreeParameter.linear("hcnShift_mV", 5),
            FreeParameter.log("nodalAhpK_nS"),
            FreeParameter.log("ahpKRateScale"),
            FreeParameter.linear("ahpKShift_mV", 5),
            FreeParameter.linear("naInactivationShift_mV", 2),
            FreeParameter.linear("restingPotential_mV", 2),
            FreeParameter.linear("naReversal_mV", 5),
            FreeParameter.linear("kReversal_mV", 3));

    /**
     * Where the fit starts: HEALTHY-v1 (sim-model.md §2.4) plus a nodal AHP K that opens during the action
     * potential and closes over ≈ 50 ms (for subexcitability), and rest 3 mV more negative (which restores the
     * superexcitability the AHP K takes away).
     */
    public static AxonParameters startingPoint() {
        return AxonParameters.healthyV1()
                .with("nodalAhpK_nS", 200)
                .with("ahpKShift_mV", 20)
                .with("ahpKRateScale", 0.2)
                .with("restingPotential_mV", -88);
    }

    private static final double MIN_ALS_SDTC_RATIO = 1.15;
    private static final double FAILED = 1e6;

    /** How long and how widely to search. */
    public record Settings(int maxEvaluations, double maxSeconds, long seed, int threads, int populationSize) {
    }

    /** The cost of one parameter set and what it is made of. */
    public record Evaluation(double cost, double fitCost, double penalty, Map<Integer, Double> variables,
            List<String> problems) {
    }

    /** The best parameters found. */
    public record Result(AxonParameters best, Evaluation evaluation, int evaluations, double seconds) {
    }

    private final Function<ExcitabilityRecording, Map<Integer, Double>> variables;
    private final List<Target> targets;
    private final Consumer<String> log;

    public AxonCalibration(Function<ExcitabilityRecording, Map<Integer, Double>> variables, List<Target> targets,
            Consumer<String> log) {
        this.variables = variables;
        this.targets = List.copyOf(targets);
        this.log = log;
    }

    /** CMA-ES from {@code start} over {@code free}; returns the best parameter set seen. */
    public Result fit(AxonParameters start, List<FreeParameter> free, Settings settings) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "axon-calibration");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        Best best = new Best();
        try {
            int n = free.size();
            double[] x0 = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            double[] sigma = new double[n];
            for (int i = 0; i < n; i++) {
                lo[i] = -free.get(i).limit();
                hi[i] = free.get(i).limit();
                sigma[i] = free.get(i).sigma();
            }
            ObjectiveFunction objective = new ObjectiveFunction(x -> {
                double elapsed = (System.nanoTime() - t0) / 1e9;
                if (elapsed > settings.maxSeconds()) {
                    throw new OutOfTime();
                }
                AxonParameters p = decode(start, free, x);
                Evaluation e = evaluate(p, pool);
                best.offer(p, e, elapsed);
                return e.cost();
            });
            CMAESOptimizer cmaes = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0,
                    new MersenneTwister(settings.seed()), false, null);
            try {
                cmaes.optimize(new MaxEval(settings.maxEvaluations()), objective, GoalType.MINIMIZE,
                        new InitialGuess(x0), new SimpleBounds(lo, hi), new CMAESOptimizer.Sigma(sigma),
                        new CMAESOptimizer.PopulationSize(settings.populationSize()));
            } catch (TooManyEvaluationsException | OutOfTime stop) {
                log.accept("stopped: " + stop.getClass().getSimpleName());
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(best.parameters, best.evaluation, best.count, (System.nanoTime() - t0) / 1e9);
    }

    /** The candidate for x. */
    public static AxonParameters decode(AxonParameters start, List<FreeParameter> free, double[] x) {
        AxonParameters p = start;
        for (int i = 0; i < free.size(); i++) {
            FreeParameter f = free.get(i);
            p = p.with(f.name(), f.decode(start.value(f.name()), x[i]));
        }
        return p;
    }

    /** The cost of {@code p}: fit to the targets plus penalties. Curves are computed on {@code pool}. */
    public Evaluation evaluate(AxonParameters p, ExecutorService pool) {
        List<String> problems = new ArrayList<>();
        BiophysicalAxon axon;
        BiophysicalAxon als;
        try {
            axon = new BiophysicalAxon(p);
            als = new BiophysicalAxon(AxonPresets.alsEarly(p));
        } catch (RuntimeException e) {
            return new Evaluation(FAILED, FAILED, 0, Map.of(), List.of("no axon: " + e.getMessage()));
        }
        double penalty = firingPenalty(axon, "healthy", problems) + firingPenalty(als, "ALS early", problems);
        Map<Integer, Double> values;
        ElectrotonusCurve healthyTe;
        ElectrotonusCurve alsTe;
        try {
            Future<ElectrotonusCurve> alsTeFuture = pool.submit(() -> depolarizingElectrotonus(als));
            ExcitabilityRecording recording = curves(axon, pool);
            values = variables.apply(recording);
            healthyTe = recording.electrotonus().get(0);
            alsTe = alsTeFuture.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException | ExecutionException e) {
            return new Evaluation(FAILED, FAILED, penalty, Map.of(), List.of("curves failed: " + e));
        }
        penalty += shapePenalty(healthyTe, "healthy", problems) + shapePenalty(alsTe, "ALS early", problems);
        Map<Integer, Double> alsValues = variables.apply(new ExcitabilityRecording(new RecordingHeader(Map.of()),
                StimulusResponseCurve.empty(), List.of(), List.of(alsTe), List.of(), List.of(), List.of(), List.of(),
                List.of()));
        penalty += directionPenalty(values, alsValues, problems);
        double fit = 0;
        Map<Integer, Double> used = new LinkedHashMap<>();
        for (Target t : targets) {
            Double v = values.get(t.variable());
            if (v == null || !Double.isFinite(v)) {
                fit += 25 * t.weight();
                problems.add(t.label() + " missing");
            } else {
                double z = (v - t.mean()) / t.sd();
                fit += t.weight() * z * z;
                used.put(t.variable(), v);
            }
        }
        double sdtc = sdtc(axon);
        double ratio = sdtc(als) / sdtc;
        if (!(ratio >= MIN_ALS_SDTC_RATIO)) {
            double d = Double.isFinite(ratio) ? (MIN_ALS_SDTC_RATIO - ratio) / 0.03 : 10;
            penalty += d * d;
            problems.add(String.format(Locale.ROOT, "ALS SDTC ratio %.3f", ratio));
        }
        return new Evaluation(fit + penalty, fit, penalty, used, problems);
    }

    /** All TRONDNF truth curves of {@code axon}, computing the conditions of each history on {@code pool}. */
    public static ExcitabilityRecording curves(BiophysicalAxon axon, ExecutorService pool) {
        List<Callable<Object>> tasks = new ArrayList<>();
        for (double percent : TrondnfConditions.ELECTROTONUS_PERCENTS) {
            tasks.add(() -> {
                for (double delay : TrondnfConditions.electrotonusDelays(percent)) {
                    axon.thresholdFactor(TrondnfConditions.electrotonus(percent / 100, delay), 0, -1);
                }
                return null;
            });
        }
        tasks.add(() -> {
            for (double isi : TrondnfConditions.RECOVERY_INTERVALS_MILLIS) {
                axon.thresholdFactor(TrondnfConditions.recoveryCycle(isi), 1, 0);
            }
            return null;
        });
        for (double percent : TrondnfConditions.CURRENT_THRESHOLD_PERCENTS) {
            tasks.add(() -> axon.thresholdFactor(TrondnfConditions.currentThreshold(percent / 100), 0, -1));
        }
        for (double w : TrondnfConditions.CHARGE_DURATION_WIDTHS_MILLIS) {
            tasks.add(() -> axon.thresholdFactor(TrondnfConditions.strengthDuration(w), 0, -1));
        }
        try {
            for (Future<Object> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return AxonTruth.curves(axon, 1.0, StimulusResponseCurve.empty(), Map.of());
    }

    /** SDTC by Weiss's law over the TRONDNF widths, ms. */
    public static double sdtc(BiophysicalAxon axon) {
        List<Double> widths = TrondnfConditions.CHARGE_DURATION_WIDTHS_MILLIS;
        int n = widths.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double w : widths) {
            double q = axon.thresholdFactor(TrondnfConditions.strengthDuration(w), 0, -1) * w;
            sx += w;
            sy += q;
            sxx += w * w;
            sxy += w * q;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        return intercept / slope;
    }

    /** The +40 % electrotonus curve alone, as {@link AxonTruth} samples it. */
    static ElectrotonusCurve depolarizingElectrotonus(BiophysicalAxon axon) {
        List<ElectrotonusCurve.Point> points = new ArrayList<>();
        for (double delay : TrondnfConditions.TE1_DELAYS_MILLIS) {
            double f = axon.thresholdFactor(TrondnfConditions.electrotonus(0.4, delay), 0, -1);
            points.add(new ElectrotonusCurve.Point(delay, TrondnfConditions.conditioningFlowsAt(delay) ? 40 : 0,
                    100 * (1 - f)));
        }
        return new ElectrotonusCurve("TE1", 40, points);
    }

    /**
     * Penalty for a +40 % electrotonus curve that real axons do not show: a rise of more than 1.5 % between
     * samples after its peak while the current flows (a damped oscillation of slow K against persistent Na), or
     * a threshold reduction below 20 % during the current (the depolarization inactivating Na).
     */
    static double shapePenalty(ElectrotonusCurve te, String who, List<String> problems) {
        List<ElectrotonusCurve.Point> during = te.points().stream()
                .filter(p -> TrondnfConditions.conditioningFlowsAt(p.delayMillis())).toList();
        int peak = 0;
        for (int i = 1; i < during.size(); i++) {
            if (during.get(i).thresholdReductionPercent() > during.get(peak).thresholdReductionPercent()) {
                peak = i;
            }
        }
        double penalty = 0;
        for (int i = peak; i + 1 < during.size(); i++) {
            double rise = during.get(i + 1).thresholdReductionPercent() - during.get(i).thresholdReductionPercent();
            if (rise > 1.5) {
                penalty += Math.pow((rise - 1.5) / 1.5, 2);
            }
        }
        for (ElectrotonusCurve.Point p : during) {
            if (p.thresholdReductionPercent() < 20) {
                penalty += Math.pow((20 - p.thresholdReductionPercent()) / 5, 2);
            }
        }
        if (penalty > 0) {
            problems.add(String.format(Locale.ROOT, "%s: TEd shape %.1f", who, penalty));
        }
        return penalty;
    }

    /** Early ALS must fan out depolarizing electrotonus: TEd(10–20) not lower, TEd(90–100) at least 1 % higher. */
    static double directionPenalty(Map<Integer, Double> healthy, Map<Integer, Double> als, List<String> problems) {
        double penalty = 0;
        Double h12 = healthy.get(12);
        Double a12 = als.get(12);
        Double h21 = healthy.get(21);
        Double a21 = als.get(21);
        if (h12 == null || a12 == null || h21 == null || a21 == null) {
            problems.add("ALS TEd missing");
            return 25;
        }
        if (a12 < h12) {
            penalty += Math.pow((h12 - a12) / 2, 2);
        }
        if (a21 < h21 + 1) {
            penalty += Math.pow((h21 + 1 - a21) / 2, 2);
        }
        if (penalty > 0) {
            problems.add(String.format(Locale.ROOT, "ALS TEd(10-20) %+.1f, TEd(90-100) %+.1f", a12 - h12, a21 - h21));
        }
        return penalty;
    }

    /**
     * Penalty for firing a healthy-looking axon must not show: any action potential during the +40 % electrotonus
     * or +50 % I/V current alone, or more than one for a 1.5× pulse, alone or at the end of the +50 % current.
     */
    static double firingPenalty(BiophysicalAxon axon, String who, List<String> problems) {
        double penalty = 0;
        int te = axon.actionPotentials(new NormalizedTrial(List.of(), List.of(new NormalizedStep(10, 100, 0.4))), 150);
        int iv = axon.actionPotentials(new NormalizedTrial(List.of(), List.of(new NormalizedStep(0, 200, 0.5))), 230);
        int pulse = axon.actionPotentials(NormalizedTrial.singlePulse(1, 1.5), 60);
        int conditioned = axon.actionPotentials(new NormalizedTrial(List.of(new NormalizedPulse(199, 1, 1.5)),
                List.of(new NormalizedStep(0, 200, 0.5))), 260);
        if (te > 0) {
            penalty += 30 + 10 * te;
            problems.add(who + ": " + te + " APs under +40 % TE current");
        }
        if (iv > 0) {
            penalty += 30 + 10 * iv;
            problems.add(who + ": " + iv + " APs under +50 % I/V current");
        }
        if (pulse != 1) {
            penalty += 30 + 10 * Math.abs(pulse - 1);
            problems.add(who + ": " + pulse + " APs for one 1.5× pulse");
        }
        if (conditioned > 1) {
            penalty += 30 + 10 * (conditioned - 1);
            problems.add(who + ": " + conditioned + " APs for a pulse at the end of +50 %");
        }
        return penalty;
    }

    /** A table of variable, model value, mean ± SD and z, for logs and the ADR. */
    public String table(Evaluation e) {
        StringBuilder sb = new StringBuilder();
        for (Target t : targets) {
            Double v = e.variables().get(t.variable());
            double z = v == null ? Double.NaN : (v - t.mean()) / t.sd();
            sb.append(String.format(Locale.ROOT, "| %d %s | %.3f | %.3f ± %.3f | %+.2f |%n", t.variable(), t.label(),
                    v == null ? Double.NaN : v, t.mean(), t.sd(), z));
        }
        return sb.toString();
    }

    private final class Best {
        AxonParameters parameters;
        Evaluation evaluation;
        int count;

        synchronized void offer(AxonParameters p, Evaluation e, double elapsed) {
            count++;
            if (evaluation == null || e.cost() < evaluation.cost()) {
                parameters = p;
                evaluation = e;
                log.accept(String.format(Locale.ROOT, "eval %d at %.0f s: cost %.3f (fit %.3f, penalty %.1f) %s",
                        count, elapsed, e.cost(), e.fitCost(), e.penalty(), e.problems()));
            } else if (count % 100 == 0) {
                log.accept(String.format(Locale.ROOT, "eval %d at %.0f s: best %.3f", count, elapsed,
                        evaluation.cost()));
            }
        }
    }

    /** Thrown from the objective to stop at the wall-clock limit. */
    private static final class OutOfTime extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfTime() {
            super("calibration wall-clock limit reached", null, false, false);
        }
    }
}
