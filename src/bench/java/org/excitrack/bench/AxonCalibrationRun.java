package org.excitrack.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.excitrack.analysis.ExcitabilityVariables;
import org.excitrack.model.excitability.DerivedVariable;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.sim.nerve.axon.AxonCalibration;
import org.excitrack.sim.nerve.axon.AxonParameters;

/**
 * Reproduces the calibration of {@link AxonParameters#healthy()} (ADR 0007): CMA-ES from
 * {@link AxonCalibration#startingPoint()} over {@link AxonCalibration#FREE_PARAMETERS} against
 * {@link AxonCalibration#NORMATIVE_TARGETS}, with QtracP's variable definitions from the analysis layer.
 *
 * <p>Run: {@code mvn -B -o -Pbench test-compile exec:exec@axon-calibration} (arguments through
 * {@code -Daxon.calibration.args="maxEvaluations maxMinutes seed threads populationSize"}, default
 * {@code 2800 24 20261122 2 12}). Prints progress and, at the end, the fitted parameter values to paste into
 * {@code AxonParameters.healthy()}; writes the same to {@code target/axon-calibration.txt}.
 */
public final class AxonCalibrationRun {
    private AxonCalibrationRun() {
    }

    public static void main(String[] args) throws IOException {
        int maxEvaluations = args.length > 0 ? Integer.parseInt(args[0]) : 2800;
        double maxMinutes = args.length > 1 ? Double.parseDouble(args[1]) : 24;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261122L;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int population = args.length > 4 ? Integer.parseInt(args[4]) : 12;

        AxonCalibration calibration = new AxonCalibration(AxonCalibrationRun::variables,
                AxonCalibration.NORMATIVE_TARGETS, line -> System.out.println(line));
        AxonParameters start = AxonCalibration.startingPoint();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AxonCalibration.Evaluation first = calibration.evaluate(start, pool);
        AxonCalibration.Evaluation current = calibration.evaluate(AxonParameters.healthy(), pool);
        pool.shutdownNow();
        System.out.println("start: cost " + first.cost() + " " + first.problems());
        System.out.print(calibration.table(first));
        System.out.println("current healthy(): cost " + current.cost() + " " + current.problems());
        System.out.print(calibration.table(current));

        AxonCalibration.Result result = calibration.fit(start, AxonCalibration.FREE_PARAMETERS,
                new AxonCalibration.Settings(maxEvaluations, maxMinutes * 60, seed, threads, population));

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "best cost %.4f (fit %.4f, penalty %.2f) after %d evaluations, %.0f s%n",
                result.evaluation().cost(), result.evaluation().fitCost(), result.evaluation().penalty(),
                result.evaluations(), result.seconds()));
        out.append("problems: ").append(result.evaluation().problems()).append('\n');
        out.append(calibration.table(result.evaluation()));
        out.append("parameters (names() order):\n");
        double[] values = result.best().toArray();
        for (int i = 0; i < values.length; i++) {
            out.append(String.format(Locale.ROOT, "  %s = %.6g%n", AxonParameters.names().get(i), values[i]));
        }
        System.out.print(out);
        Path file = Path.of("target", "axon-calibration.txt");
        Files.createDirectories(file.getParent());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.print(out);
        }
        System.exit(0);
    }

    private static Map<Integer, Double> variables(ExcitabilityRecording recording) {
        Map<Integer, Double> byNumber = new LinkedHashMap<>();
        for (DerivedVariable v : ExcitabilityVariables.compute(recording).numbered()) {
            byNumber.put(v.number(), v.value());
        }
        return byNumber;
    }
}
