package org.excitrack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.excitrack.service.MagneticResults;
import org.excitrack.service.RunControl;
import org.excitrack.service.RunService;
import org.excitrack.sim.cortex.CortexTruth;
import org.excitrack.sim.subject.SubjectPreset;
import org.excitrack.sim.subject.VirtualSubjects;

/**
 * Parallel T-SICI (the built-in protocol, ISIs 1–7 ms) run by the real session against virtual subjects, each ISI's
 * measured T-SICI against the cortex's own at the conditioning output actually given. Prints, per preset and ISI,
 * the mean error (bias), its SD and the 5–95 % range of single runs' errors, and the same for the averaged T-SICI.
 *
 * <p>{@code mvn -B -o -Pbench test-compile exec:exec@tsici-accuracy} (arguments: subjects, then presets, via
 * {@code -Dtsici.accuracy.args="40 healthy als-early"}), or {@code exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.excitrack.bench.TsiciAccuracyBenchmark -Dexec.args="40 healthy als-early"}, with which these
 * system properties reach it: {@code tsici.firstSeed} (1) for another set of subjects;
 * {@code excitrack.tms.tracking=per-channel} for the per-channel trackers instead of the shared slope (ADR 0010).
 */
public final class TsiciAccuracyBenchmark {
    private TsiciAccuracyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        List<String> presets = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("healthy", "als-early");
        int first = Integer.getInteger("tsici.firstSeed", 1);
        Path dir = Files.createTempDirectory("tsici-bench");
        for (String preset : presets) {
            int n = CortexTruth.SICI_ISIS_MILLIS.size();
            List<double[]> errors = new ArrayList<>();
            List<double[]> truths = new ArrayList<>();
            double[] stimuli = new double[seeds];
            for (int seed = first; seed < first + seeds; seed++) {
                PerIsi r = run(preset, seed, dir);
                double[] e = new double[n + 1];
                for (int i = 0; i <= n; i++) {
                    e[i] = r.measured[i] - r.truth[i];
                }
                errors.add(e);
                truths.add(r.truth);
                stimuli[seed - first] = r.trials;
            }
            System.out.printf(Locale.ROOT, "%n%s, %d virtual subjects (seeds %d-%d), median %.0f trials per run "
                    + "(tracking: %s)%n", preset, seeds, first, first + seeds - 1, median(stimuli),
                    System.getProperty("excitrack.tms.tracking", "shared-slope"));
            System.out.printf(Locale.ROOT, "%-8s %8s %8s %8s %8s %14s %8s%n", "ISI", "truth", "bias", "SD", "|e|med",
                    "5-95 %", "SE bias");
            for (int i = 0; i <= n; i++) {
                final int k = i;
                double[] e = errors.stream().mapToDouble(x -> x[k]).toArray();
                double[] t = truths.stream().mapToDouble(x -> x[k]).toArray();
                double mean = Arrays.stream(e).average().orElse(Double.NaN);
                double sd = Math.sqrt(Arrays.stream(e).map(x -> (x - mean) * (x - mean)).sum() / (e.length - 1));
                double[] abs = Arrays.stream(e).map(Math::abs).toArray();
                System.out.printf(Locale.ROOT, "%-8s %8.2f %+8.2f %8.2f %8.2f %6.1f..%+5.1f %8.2f%n",
                        i < n ? CortexTruth.SICI_ISIS_MILLIS.get(i) + " ms" : "mean", Arrays.stream(t).average()
                                .orElse(Double.NaN), mean, sd, median(abs), quantile(e, 0.05), quantile(e, 0.95),
                        sd / Math.sqrt(e.length));
            }
        }
    }

    private record PerIsi(double[] measured, double[] truth, long trials) {
    }

    private static PerIsi run(String preset, int seed, Path dir) throws InterruptedException {
        RunService.RunReport report = new RunService(new RunControl()).run(new RunService.RunRequest("T-SICI",
                Map.of(), "sim:unit?subject=" + preset + "&seed=" + seed + "&noise=2uV", dir.resolve(preset + seed
                + ".excitrack"), new RunService.Subject("S" + seed, 50, "F", 33.0, "", ""), "bench", Map.of(), true,
                Optional.of(new RunService.Magnetic("sim:magstim-bistim", Optional.empty()))), e -> { });
        CortexTruth truth = new CortexTruth(VirtualSubjects.create(SubjectPreset.load(preset), seed).cortex());
        double rmt = report.magnetic().stream().filter(v -> v.name().equals("RMT")).findFirst().orElseThrow().value();
        double cs = 100.0 * Math.round(0.70 * rmt) / truth.restingMotorThresholdPercent();
        int n = CortexTruth.SICI_ISIS_MILLIS.size();
        double[] measured = new double[n + 1];
        double[] expected = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double isi = CortexTruth.SICI_ISIS_MILLIS.get(i);
            String point = "isi = " + format(isi) + " ms";
            measured[i] = report.magnetic().stream().filter(v -> v.name().equals("T-SICI conditioned")
                    && v.point().equals(point)).mapToDouble(MagneticResults.Value::value).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + point + " in " + report.magnetic()));
            expected[i] = truth.siciPercent(isi, cs);
        }
        measured[n] = Arrays.stream(measured, 0, n).average().orElseThrow();
        expected[n] = Arrays.stream(expected, 0, n).average().orElseThrow();
        return new PerIsi(measured, expected, report.trials());
    }

    private static String format(double isi) {
        return isi == Math.rint(isi) ? String.valueOf((long) isi) : String.valueOf(isi);
    }

    private static double median(double[] v) {
        return quantile(v, 0.5);
    }

    private static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int i = (int) Math.floor(pos);
        return i + 1 < s.length ? s[i] + (pos - i) * (s[i + 1] - s[i]) : s[i];
    }
}
