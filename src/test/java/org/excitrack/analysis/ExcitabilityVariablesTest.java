package org.excitrack.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.excitrack.model.excitability.ChargeDurationPoint;
import org.excitrack.model.excitability.CurrentThresholdPoint;
import org.excitrack.model.excitability.DerivedVariable;
import org.excitrack.model.excitability.ElectrotonusCurve;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.ExtraVariable;
import org.excitrack.model.excitability.RecordingHeader;
import org.excitrack.model.excitability.RecoveryPoint;
import org.excitrack.model.excitability.StimulusResponseCurve;
import org.excitrack.storage.mem.MemReader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExcitabilityVariablesTest {

    // ---------------------------------------------------------------- hand-built curves with known answers

    @Nested
    class KnownAnswers {
        @Test
        void weissLawDataGiveExactSdtcAndRheobase() {
            double rheobase = 3.0;
            double sdtc = 0.5;
            List<ChargeDurationPoint> qt = new ArrayList<>();
            for (double d : new double[] {0.2, 0.4, 0.6, 0.8, 1.0}) {
                double i = rheobase * (1 + sdtc / d);
                qt.add(new ChargeDurationPoint(d, i, i * d));
            }
            ComputedVariables v = ExcitabilityVariables.compute(recording(qt, List.of(), List.of(), List.of()));
            assertThat(v.value(3).getAsDouble()).isCloseTo(0.5, within(1e-12));
            assertThat(v.value(4).getAsDouble()).isCloseTo(3.0, within(1e-12));
            assertThat(v.numbered()).filteredOn(d -> d.number() == 3).extracting(DerivedVariable::label)
                    .containsExactly("Strength-duration\\time constant (ms)");
        }

        @Test
        void teWindowMeansAverageEveryIntegerMillisecondAndStopBeforeTheCurrentEnds() {
            // y = delay while the +40 % current flows (10..109), sparse points as in TRONDNF
            ExcitabilityRecording r = recording(List.of(), List.of(linearTe("TE1", 40, 1.0)), List.of(), List.of());
            ComputedVariables v = ExcitabilityVariables.compute(r);
            assertThat(v.value(12).getAsDouble()).isCloseTo(25.0, within(1e-12)); // mean of 20..30
            assertThat(v.value(20).getAsDouble()).isCloseTo(60.0, within(1e-12)); // mean of 50..70
            assertThat(v.value(21).getAsDouble()).isCloseTo(104.5, within(1e-12)); // 100..109, not 110
            assertThat(v.value(25).getAsDouble()).isCloseTo(99.0, within(1e-12)); // window 89..109
            assertThat(v.value(26).getAsDouble()).isCloseTo(-5.5, within(1e-12));
        }

        @Test
        void hyperpolarizingWindowsSlopeAndOvershoot() {
            // −40 %: y = −delay during the current; after it y = (delay − 110) · 0.5 − 20 rising to 25 at 200
            List<ElectrotonusCurve.Point> pts = new ArrayList<>();
            for (int d : new int[] {0, 9}) {
                pts.add(new ElectrotonusCurve.Point(d, 0, 0));
            }
            for (int d : new int[] {10, 20, 30, 50, 109}) {
                pts.add(new ElectrotonusCurve.Point(d, -40, -d));
            }
            for (int d = 110; d <= 210; d += 10) {
                pts.add(new ElectrotonusCurve.Point(d, 0, (d - 110) * 0.5 - 20));
            }
            ComputedVariables v = ExcitabilityVariables.compute(
                    recording(List.of(), List.of(new ElectrotonusCurve("TE2", -40, pts)), List.of(), List.of()));
            assertThat(v.value(22).getAsDouble()).isCloseTo(-25.0, within(1e-12));
            assertThat(v.value(30).getAsDouble()).isCloseTo(-40.0, within(1e-12));
            assertThat(v.value(11).getAsDouble()).isCloseTo(-104.5, within(1e-12));
            assertThat(v.value(31).getAsDouble()).isCloseTo(0.5, within(1e-12)); // 111..150
            assertThat(v.value(24).getAsDouble()).isCloseTo((190 - 110) * 0.5 - 20, within(1e-12)); // window 180..200
        }

        @Test
        void accommodationHalfTimeIsMeasuredFromCurrentOnset() {
            // rises to 60 at 30 ms, falls linearly to 40 at 70 ms, then flat at 40 until 109
            List<ElectrotonusCurve.Point> pts = new ArrayList<>(List.of(
                    new ElectrotonusCurve.Point(0, 0, 0), new ElectrotonusCurve.Point(10, 40, 60),
                    new ElectrotonusCurve.Point(30, 40, 60), new ElectrotonusCurve.Point(70, 40, 40),
                    new ElectrotonusCurve.Point(109, 40, 40), new ElectrotonusCurve.Point(110, 0, 0)));
            ComputedVariables v = ExcitabilityVariables.compute(
                    recording(List.of(), List.of(new ElectrotonusCurve("TE1", 40, pts)), List.of(), List.of()));
            assertThat(v.value(25).getAsDouble()).isCloseTo(60.0, within(1e-12)); // 10..30 all 60
            assertThat(v.value(21).getAsDouble()).isCloseTo(40.0, within(1e-12));
            // half = 50, reached at delay 50 → 40 ms after onset
            assertThat(v.value(27).getAsDouble()).isCloseTo(40.0, within(1e-12));
        }

        @Test
        void recoveryCycleVariables() {
            List<RecoveryPoint> rc = List.of(new RecoveryPoint(2, 50), new RecoveryPoint(2.5, 10),
                    new RecoveryPoint(4, -10), new RecoveryPoint(5, -20), new RecoveryPoint(7.9, -30),
                    new RecoveryPoint(10, -20), new RecoveryPoint(20, 5), new RecoveryPoint(30, 15),
                    new RecoveryPoint(40, 10), new RecoveryPoint(100, 0));
            ComputedVariables v = ExcitabilityVariables.compute(recording(List.of(), List.of(), List.of(), rc));
            assertThat(v.value(10).getAsDouble()).isCloseTo(Math.sqrt(2.5 * 4), within(1e-12));
            assertThat(v.value(13).getAsDouble()).isCloseTo(-70.0 / 3, within(1e-12)); // 5, 7.9, 10
            assertThat(v.value(14).getAsDouble()).isCloseTo(10.0, within(1e-12)); // 20, 30, 40
            assertThat(v.value(29).getAsDouble()).isEqualTo(10.0);
            assertThat(v.value(32).getAsDouble()).isEqualTo(50.0);
            assertThat(v.value(34).getAsDouble()).isEqualTo(-20.0);
            double t = Math.log(7 / 5.0) / Math.log(7.9 / 5);
            assertThat(v.value(33).getAsDouble()).isCloseTo(-20 - 10 * t, within(1e-12));
        }

        @Test
        void missingRecoveryIntervalsLeaveTheirVariablesOut() {
            List<RecoveryPoint> rc = List.of(new RecoveryPoint(3.2, 5), new RecoveryPoint(4, -10),
                    new RecoveryPoint(5, -20), new RecoveryPoint(10, -5), new RecoveryPoint(30, 8));
            ComputedVariables v = ExcitabilityVariables.compute(recording(List.of(), List.of(), List.of(), rc));
            assertThat(v.value(29)).isEmpty();
            assertThat(v.value(32)).isEmpty();
            assertThat(v.value(10)).isPresent();
            assertThat(v.value(19)).isEmpty(); // latency: never computed
        }

        @Test
        void ivSlopesAreReciprocalsOfThresholdOnCurrent() {
            List<CurrentThresholdPoint> iv = new ArrayList<>();
            for (int c = 50; c >= -100; c -= 10) {
                // slope 1 depolarizing, steeper (×4) below −40 %, so min slope 0.25, hyperpol slope 0.25
                double th = c >= -40 ? c : -40 + 4 * (c + 40);
                iv.add(new CurrentThresholdPoint(c, th));
            }
            ComputedVariables v = ExcitabilityVariables.compute(recording(List.of(), List.of(), iv, List.of()));
            assertThat(v.value(7).getAsDouble()).isCloseTo(1.0, within(1e-12));
            assertThat(v.value(8).getAsDouble()).isCloseTo(0.25, within(1e-12));
            assertThat(v.value(28).getAsDouble()).isCloseTo(0.25, within(1e-12));
        }

        @Test
        void headerVariables() {
            RecordingHeader h = new RecordingHeader(Map.of("Age", "58", "Sex", "F", "Temperature", "33.2"));
            ExcitabilityRecording r = new ExcitabilityRecording(h, StimulusResponseCurve.empty(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
            ComputedVariables v = ExcitabilityVariables.compute(r);
            assertThat(v.value(9).getAsDouble()).isEqualTo(33.2);
            assertThat(v.value(17).getAsDouble()).isEqualTo(58);
            assertThat(v.value(18).getAsDouble()).isEqualTo(2);
            assertThat(v.value(15).getAsDouble()).isEqualTo(0);
            assertThat(v.value(3)).isEmpty();
        }

        private ElectrotonusCurve linearTe(String label, double current, double gain) {
            List<ElectrotonusCurve.Point> pts = new ArrayList<>();
            pts.add(new ElectrotonusCurve.Point(0, 0, 0));
            pts.add(new ElectrotonusCurve.Point(9, 0, 0));
            for (int d : new int[] {10, 11, 15, 20, 26, 33, 41, 50, 60, 70, 80, 90, 100, 109}) {
                pts.add(new ElectrotonusCurve.Point(d, current, gain * d));
            }
            for (int d = 110; d <= 210; d += 10) {
                pts.add(new ElectrotonusCurve.Point(d, 0, 0));
            }
            return new ElectrotonusCurve(label, current, pts);
        }
    }

    static ExcitabilityRecording recording(List<ChargeDurationPoint> qt, List<ElectrotonusCurve> te,
            List<CurrentThresholdPoint> iv, List<RecoveryPoint> rc) {
        return new ExcitabilityRecording(new RecordingHeader(Map.of()), StimulusResponseCurve.empty(), qt, te, iv,
                rc, List.of(), List.of(), List.of());
    }

    // ---------------------------------------------------------------- real data against QtracP

    /** Where the nerve-norms recordings live (README there); override with -Dexcitrack.nerveNorms=DIR. */
    static final Path DATA = Path.of(System.getProperty("excitrack.nerveNorms", "/work/shared/data/nerve-norms"));
    static final Set<String> ORIGINALS = Set.of("FESB70821A.MEM", "FESB70821B.MEM");

    /** Variables whose QtracP rule we reproduce: within max(0.5 %, 0.01) of QtracP (the issue's criterion). */
    static final Set<Integer> EXACT = Set.of(3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 20, 21, 22, 23, 24,
            25, 26, 27, 28, 29, 30, 31, 32, 34, 35);
    /**
     * Approximate rules, with the honest bound each meets on these 22 files: absolute (abs) or relative (rel).
     * 1: QtracP smooths/fits the SR curve; 5: QtracP's SR-slope rule is unknown; 33: log-linear interpolation
     * at 7 ms reads 0.01–0.25 % more negative than QtracP.
     */
    static final Map<Integer, double[]> APPROX = Map.of(1, new double[] {0, 0.01}, 5, new double[] {0, 0.06},
            33, new double[] {0.3, 0});

    @Test
    void realRecordingsAgreeWithQtracP() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "nerve-norms data not found at " + DATA);
        Map<String, Map<Integer, Double>> qtracp = sampleCsv();
        List<Path> files = new ArrayList<>(List.of(DATA.resolve("FESB70821A.MEM"), DATA.resolve("FESB70821B.MEM")));
        try (Stream<Path> s = Files.list(DATA.resolve("samples"))) {
            s.filter(p -> p.toString().endsWith(".MEM")).sorted().forEach(files::add);
        }
        assertThat(files).hasSize(22);

        List<String> failures = new ArrayList<>();
        Map<Integer, double[]> worst = new TreeMap<>(); // number → {max abs, max rel, n, loose comparisons}
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-16s %4s %12s %12s %10s  %s%n",
                "file", "var", "ours", "QtracP", "diff", "tolerance"));
        for (Path f : files) {
            String name = f.getFileName().toString();
            ExcitabilityRecording r = load(f);
            ComputedVariables ours = ExcitabilityVariables.compute(r);
            Map<Integer, Double> theirs = ORIGINALS.contains(name) ? derivedOf(r) : qtracp.get(name);
            assertThat(theirs).as("QtracP values for %s", name).isNotEmpty();
            for (Map.Entry<Integer, Double> e : new TreeMap<>(theirs).entrySet()) {
                int n = e.getKey();
                double q = e.getValue();
                OptionalDouble mine = ours.value(n);
                String tol = tolerance(name, n, r);
                if (mine.isEmpty()) {
                    table.append(String.format(Locale.ROOT, "%-16s %4d %12s %12.4f %10s  %s%n", name, n, "-", q, "-",
                            tol));
                    if (!tol.startsWith("not compared")) {
                        failures.add(name + " #" + n + ": not computed, QtracP " + q);
                    }
                    continue;
                }
                double d = mine.getAsDouble() - q;
                table.append(String.format(Locale.ROOT, "%-16s %4d %12.4f %12.4f %10.4f  %s%n", name, n,
                        mine.getAsDouble(), q, d, tol));
                if (tol.startsWith("not compared")) {
                    continue;
                }
                double[] w = worst.computeIfAbsent(n, k -> new double[4]);
                w[3] += tol.startsWith("max(") ? 0 : 1;
                w[0] = Math.max(w[0], Math.abs(d));
                w[1] = Math.max(w[1], q == 0 ? 0 : Math.abs(d / q));
                w[2]++;
                if (!meets(tol, d, q)) {
                    failures.add(name + " #" + n + ": ours " + mine.getAsDouble() + ", QtracP " + q + " (" + tol + ")");
                }
            }
            // named extras QtracP wrote (originals only); printed to 1 decimal, so ±0.05
            for (ExtraVariable x : r.extraVariables()) {
                OptionalDouble mine = ours.extra(x.name());
                if (mine.isPresent()) {
                    double q = Double.parseDouble(x.value().trim());
                    double d = mine.getAsDouble() - q;
                    table.append(String.format(Locale.ROOT, "%-16s %4s %12.4f %12.4f %10.4f  %s%n", name,
                            x.name(), mine.getAsDouble(), q, d, "abs 0.05 (QtracP prints 1 dp)"));
                    if (Math.abs(d) > 0.05 + 1e-9) {
                        failures.add(name + " " + x.name() + ": ours " + mine.getAsDouble() + ", QtracP " + q);
                    }
                }
            }
        }
        StringBuilder summary = new StringBuilder("\nPer variable over the files compared: max |diff|, max rel\n");
        worst.forEach((n, w) -> summary.append(String.format(Locale.ROOT, "%4d n=%2d  abs %.4f  rel %.4f%%  %s%n",
                n, (int) w[2], w[0], 100 * w[1],
                APPROX.containsKey(n) ? "approximate rule"
                        : w[3] > 0 ? "exact where the data are complete; " + (int) w[3] + " files with a looser bound"
                        : "exact: within max(0.5 %, 0.01) on every file")));
        System.out.println(table);
        System.out.println(summary);
        assertThat(failures).as("variables outside tolerance").isEmpty();
    }

    /** Which rule applies to this file and variable; see {@link #EXACT}, {@link #APPROX}. */
    static String tolerance(String file, int n, ExcitabilityRecording r) {
        if (n == 18 && !ORIGINALS.contains(file)) {
            return "not compared: the sample files' header Sex is inverted w.r.t. QtracP's (CR21S = FESB70821A)";
        }
        if (n == 32 && r.recoveryCycle().stream().noneMatch(p -> p.intervalMillis() == 2.0)) {
            // FESB70821B: no 2-ms row, QtracP writes 187.735 (extrapolated by an unknown rule); e133ada1, in the
            // same situation, has no #32 at all. We never extrapolate.
            return "not compared: no 2-ms row; QtracP extrapolated by an unknown rule";
        }
        if (n == 19) {
            return "not compared: latency is not in the model";
        }
        if ((n == 30 || n == 35) && !hasTeDelay40(r, n == 30 ? -40 : 20)) {
            // the samples drop the TE2–TE4 row at 40 ms (imputed in the dump); QtracP had it
            return n == 30 ? "abs 3.0 (TE row at 40 ms missing)" : "abs 1.5 (TE row at 40 ms missing)";
        }
        if (n == 18 || EXACT.contains(n)) {
            return "max(0.5%, 0.01)";
        }
        double[] a = APPROX.get(n);
        if (a != null) {
            return a[0] > 0 ? "abs " + a[0] + " (approximate rule)" : "rel " + (100 * a[1]) + "% (approximate rule)";
        }
        return "not compared: no rule";
    }

    static boolean meets(String tol, double d, double q) {
        if (tol.startsWith("max(")) {
            return Math.abs(d) <= Math.max(0.005 * Math.abs(q), 0.01) + 1e-9;
        }
        Matcher m = Pattern.compile("(abs|rel) ([0-9.]+)").matcher(tol);
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("tolerance " + tol);
        }
        double t = Double.parseDouble(m.group(2));
        return m.group(1).equals("abs") ? Math.abs(d) <= t + 1e-9 : Math.abs(d) <= t / 100 * Math.abs(q) + 1e-9;
    }

    static boolean hasTeDelay40(ExcitabilityRecording r, double current) {
        return r.electrotonus().stream().filter(c -> c.conditioningPercent() == current)
                .flatMap(c -> c.points().stream()).anyMatch(p -> p.delayMillis() == 40);
    }

    static Map<Integer, Double> derivedOf(ExcitabilityRecording r) {
        Map<Integer, Double> m = new LinkedHashMap<>();
        r.derived().forEach(d -> m.put(d.number(), d.value()));
        return m;
    }

    /** Parses with the project's {@link MemReader}. */
    static ExcitabilityRecording load(Path f) {
        return new MemReader().read(f);
    }


    static Map<String, Map<Integer, Double>> sampleCsv() throws IOException {
        Map<String, Map<Integer, Double>> m = new HashMap<>();
        List<String> lines = Files.readAllLines(DATA.resolve("samples-qtracp-variables.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            m.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
                    .put(Integer.parseInt(f[1]), Double.parseDouble(f[f.length - 1]));
        }
        return m;
    }
}
