package org.excitrack.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.excitrack.model.excitability.ChargeDurationPoint;
import org.excitrack.model.excitability.CurrentThresholdPoint;
import org.excitrack.model.excitability.DerivedVariable;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.RecordingHeader;
import org.excitrack.model.excitability.RecoveryPoint;
import org.excitrack.model.excitability.StimulusResponseCurve;

/**
 * QtracP's derived excitability variables (TRONDNF list, trondnf.md §4.1), recomputed from the raw curves of a
 * recording, numbered and labelled exactly as QtracP writes them in a MEM file.
 *
 * <p>Units and signs are the MEM file's: mA, ms, % of threshold; TE and I/V values are threshold
 * <em>reduction</em> (+ = more excitable), RC values are threshold <em>change</em> (+ = refractory). A variable
 * whose data are missing (a section absent, a recovery interval not recorded, a window not covered) is left
 * out, as QtracP leaves it out. Nothing is extrapolated.
 *
 * <p>Definitions (checked against QtracP on 22 real recordings; see {@code src/site/markdown/variables.md} for
 * the agreement per variable; "exact" = reproduces QtracP to its printed precision, "approx." = rule not known):
 * <ul>
 * <li>1 Stimulus for 50 % max: SR curve (the 1-ms column) linearly interpolated at 50 % (approx.; QtracP ≤ 0.9 %
 *     away, it smooths or fits).
 * <li>3 SDTC, 4 rheobase: Weiss's law, least-squares regression of threshold charge Q = I·d on width d;
 *     rheobase = slope (mA), SDTC = intercept / slope (ms). Exact.
 * <li>5 SR slope: S50 / (S75 − S25) on the linearly interpolated SR curve (approx.; QtracP within ±5 %).
 * <li>6 Peak response: maximal CMAP (mV) for the 1-ms width. Exact.
 * <li>7 Resting I/V slope, 8 minimum I/V slope, 28 hyperpolarizing I/V slope: the I/V slope is the
 *     reciprocal of the least-squares slope of threshold reduction on current (dimensionless, % / %); 7 over
 *     the points at −10…+10 %, 8 the smallest over every 3 adjacent I/V points, 28 over −100…−80 %. With three
 *     equally spaced currents this is Δcurrent / Δthreshold between the outer two. Exact.
 * <li>9 Temperature, 17 Age: header. 18 Sex: header M → 1, F → 2. 15, 16 polarizing current: 0 (the model
 *     records no background polarization). 19 Latency: not in the model, so never computed.
 * <li>10 RRP: first interval where the RC threshold change goes from &gt; 0 to ≤ 0, linearly interpolated on
 *     log(interval). Exact.
 * <li>13 Superexcitability: the most negative mean of 3 adjacent RC points. 14 Subexcitability: the most
 *     positive mean of 3 adjacent RC points among the triples starting after the superexcitability triple.
 *     Exact.
 * <li>TE window means "TEx(a-b ms)" (11, 12, 20, 21, 22, 30, extras TEd20/TEh20(10-20ms)): mean of the TE
 *     curve linearly interpolated at every integer delay from onset+a to onset+b inclusive, clipped at the
 *     last delay before the current stops (109 ms for "90-100"). TEd = +40 %, TEh = −40 %, TEd20 = +20 %,
 *     TEh20 = −20 %. Exact.
 * <li>25 TEd(peak), 35 TEd20(peak): the largest mean of 21 one-ms samples (centre ± 10 ms) of the +40 % (+20 %)
 *     curve with the whole window inside the current (onset … offset − 1). Exact.
 * <li>26 S2 accommodation: TEd(peak) − TEd(90-100ms). Exact.
 * <li>27 Accommodation half-time: ms after current onset at which the +40 % curve (1-ms samples, linear between
 *     them), searched from the centre of the TEd(peak) window, first falls below (TEd(peak) + TEd(90-100ms)) / 2.
 *     Exact.
 * <li>23 TEd(undershoot), 24 TEh(overshoot): the most negative (+40 % curve) / most positive (−40 % curve) mean
 *     of 21 one-ms samples with the whole window within the 90 ms after the current stops (110…200 ms). Exact
 *     on all 22 files although the rule was found by fitting (trondnf.md marked it unknown).
 * <li>29, 32 Refractoriness at 2.5 / 2 ms: the RC value recorded at that interval; absent when not recorded
 *     (QtracP sometimes extrapolates 32; we do not). Exact.
 * <li>31 TEh(slope 101-140ms): least-squares slope (%/ms) of the −40 % curve interpolated at every integer delay
 *     from onset+101 to onset+140. Exact.
 * <li>33 Superexcitability at 7 ms: RC linearly interpolated on log(interval) at 7 ms (approx.; QtracP is
 *     0.01–0.25 % higher, rule unknown). 34 at 5 ms: the same at 5 ms (the recorded value when 5 ms is a row).
 * </ul>
 * The extra "TEd40(Accom)" is not computed: no rule tried reproduces QtracP's two values (see variables.md).
 */
public final class ExcitabilityVariables {
    /** QtracP's labels by number, as written in TRONDNF MEM files (backslash = QtracP line break). */
    public static final Map<Integer, String> LABELS = labels();
    public static final String TED20_10_20 = "TEd20(10-20ms)";
    public static final String TEH20_10_20 = "TEh20(10-20ms)";

    private static final double SR_WIDTH_MILLIS = 1.0;

    private ExcitabilityVariables() {
    }

    /** Every variable the recording's data allow, in QtracP's numbering, plus the named extras. */
    public static ComputedVariables compute(ExcitabilityRecording recording) {
        Map<Integer, Double> v = new LinkedHashMap<>();
        stimulusResponse(recording.stimulusResponse(), v);
        strengthDuration(recording.chargeDuration(), v);
        currentThreshold(recording.currentThreshold(), v);
        header(recording.header(), v);
        recoveryCycle(recording.recoveryCycle(), v);
        Map<String, Double> extras = new LinkedHashMap<>();
        electrotonus(recording, v, extras);

        List<DerivedVariable> numbered = new ArrayList<>();
        v.entrySet().stream().filter(e -> Double.isFinite(e.getValue())).sorted(Map.Entry.comparingByKey())
                .forEach(e -> numbered.add(new DerivedVariable(e.getKey(), LABELS.get(e.getKey()), e.getValue())));
        extras.values().removeIf(x -> !Double.isFinite(x));
        return new ComputedVariables(numbered, extras);
    }

    private static void stimulusResponse(StimulusResponseCurve sr, Map<Integer, Double> v) {
        int column = srColumn(sr);
        if (column < 0) {
            return;
        }
        sr.maximalResponses().stream().skip(column).findFirst().ifPresent(m -> v.put(6, m.millivolts()));
        List<double[]> pts = new ArrayList<>();
        for (StimulusResponseCurve.Point p : sr.points()) {
            if (column < p.stimulusMilliamps().size() && Double.isFinite(p.stimulusMilliamps().get(column))) {
                pts.add(new double[] {p.percentOfMaximum(), p.stimulusMilliamps().get(column)});
            }
        }
        pts.sort(Comparator.comparingDouble(p -> p[0]));
        double[] pct = pts.stream().mapToDouble(p -> p[0]).toArray();
        double[] mA = pts.stream().mapToDouble(p -> p[1]).toArray();
        OptionalDouble s50 = Curves.interpolate(pct, mA, 50);
        OptionalDouble s25 = Curves.interpolate(pct, mA, 25);
        OptionalDouble s75 = Curves.interpolate(pct, mA, 75);
        s50.ifPresent(s -> v.put(1, s));
        if (s50.isPresent() && s25.isPresent() && s75.isPresent() && s75.getAsDouble() > s25.getAsDouble()) {
            v.put(5, s50.getAsDouble() / (s75.getAsDouble() - s25.getAsDouble()));
        }
    }

    /** The column of the 1-ms test width; the last column when no width is 1 ms; −1 when there is none. */
    private static int srColumn(StimulusResponseCurve sr) {
        List<StimulusResponseCurve.MaximalResponse> max = sr.maximalResponses();
        for (int i = 0; i < max.size(); i++) {
            if (max.get(i).widthMillis() == SR_WIDTH_MILLIS) {
                return i;
            }
        }
        int columns = sr.points().stream().mapToInt(p -> p.stimulusMilliamps().size()).max().orElse(0);
        return Math.max(columns, max.size()) - 1;
    }

    private static void strengthDuration(List<ChargeDurationPoint> qt, Map<Integer, Double> v) {
        List<ChargeDurationPoint> ok = qt.stream().filter(p -> Double.isFinite(p.widthMillis())
                && (Double.isFinite(p.chargeMilliampMillis()) || Double.isFinite(p.thresholdMilliamps()))).toList();
        double[] d = ok.stream().mapToDouble(ChargeDurationPoint::widthMillis).toArray();
        double[] q = ok.stream().mapToDouble(p -> Double.isFinite(p.chargeMilliampMillis())
                ? p.chargeMilliampMillis() : p.thresholdMilliamps() * p.widthMillis()).toArray();
        double rheobase = Curves.slope(d, q);
        if (Double.isFinite(rheobase) && rheobase > 0) {
            v.put(3, Curves.intercept(d, q) / rheobase);
            v.put(4, rheobase);
        }
    }

    private static void currentThreshold(List<CurrentThresholdPoint> iv, Map<Integer, Double> v) {
        List<CurrentThresholdPoint> pts = iv.stream().filter(p -> Double.isFinite(p.thresholdReductionPercent()))
                .sorted(Comparator.comparingDouble(CurrentThresholdPoint::currentPercent).reversed()).toList();
        ivSlope(pts.stream().filter(p -> p.currentPercent() >= -10 && p.currentPercent() <= 10).toList())
                .ifPresent(s -> v.put(7, s));
        double min = Double.NaN;
        for (int i = 0; i + 3 <= pts.size(); i++) {
            OptionalDouble s = ivSlope(pts.subList(i, i + 3));
            if (s.isPresent() && !(s.getAsDouble() >= min)) {
                min = s.getAsDouble();
            }
        }
        v.put(8, min);
        ivSlope(pts.stream().filter(p -> p.currentPercent() >= -100 && p.currentPercent() <= -80).toList())
                .ifPresent(s -> v.put(28, s));
    }

    /** 1 / (least-squares slope of threshold reduction on current); empty for fewer than 2 points. */
    private static OptionalDouble ivSlope(List<CurrentThresholdPoint> pts) {
        double b = Curves.slope(column(pts, CurrentThresholdPoint::currentPercent),
                column(pts, CurrentThresholdPoint::thresholdReductionPercent));
        return Double.isFinite(b) && b != 0 ? OptionalDouble.of(1 / b) : OptionalDouble.empty();
    }

    private static <T> double[] column(List<T> rows, ToDoubleFunction<T> f) {
        return rows.stream().mapToDouble(f).toArray();
    }

    private static void header(RecordingHeader h, Map<Integer, Double> v) {
        h.temperatureCelsius().ifPresent(t -> v.put(9, t));
        v.put(15, 0.0);
        v.put(16, 0.0);
        h.ageYears().ifPresent(a -> v.put(17, a));
        h.latencyMillis().ifPresent(l -> v.put(19, l));
        h.sex().map(s -> s.trim().toUpperCase(java.util.Locale.ROOT)).ifPresent(s -> {
            if (s.startsWith("M")) {
                v.put(18, 1.0);
            } else if (s.startsWith("F")) {
                v.put(18, 2.0);
            }
        });
    }

    private static void recoveryCycle(List<RecoveryPoint> rc, Map<Integer, Double> v) {
        List<RecoveryPoint> pts = rc.stream().filter(p -> p.intervalMillis() > 0
                        && Double.isFinite(p.thresholdChangePercent()))
                .sorted(Comparator.comparingDouble(RecoveryPoint::intervalMillis)).toList();
        if (pts.isEmpty()) {
            return;
        }
        double[] logT = pts.stream().mapToDouble(p -> Math.log(p.intervalMillis())).toArray();
        double[] y = column(pts, RecoveryPoint::thresholdChangePercent);
        for (int i = 0; i + 1 < y.length; i++) {
            if (y[i] > 0 && y[i + 1] <= 0) {
                v.put(10, Math.exp(logT[i] + (logT[i + 1] - logT[i]) * y[i] / (y[i] - y[i + 1])));
                break;
            }
        }
        int superStart = -1;
        double superMean = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 3 <= y.length; i++) {
            double m = (y[i] + y[i + 1] + y[i + 2]) / 3;
            if (m < superMean) {
                superMean = m;
                superStart = i;
            }
        }
        if (superStart >= 0) {
            v.put(13, superMean);
            double sub = Double.NaN;
            for (int i = superStart + 1; i + 3 <= y.length; i++) {
                double m = (y[i] + y[i + 1] + y[i + 2]) / 3;
                if (!(m <= sub)) {
                    sub = m;
                }
            }
            v.put(14, sub);
        }
        for (RecoveryPoint p : pts) {
            if (p.intervalMillis() == 2.5) {
                v.put(29, p.thresholdChangePercent());
            } else if (p.intervalMillis() == 2.0) {
                v.put(32, p.thresholdChangePercent());
            }
        }
        Curves.interpolate(logT, y, Math.log(7)).ifPresent(x -> v.put(33, x));
        Curves.interpolate(logT, y, Math.log(5)).ifPresent(x -> v.put(34, x));
    }

    private static void electrotonus(ExcitabilityRecording r, Map<Integer, Double> v, Map<String, Double> extras) {
        Optional<Electrotonus> d40 = Electrotonus.find(r.electrotonus(), 40);
        Optional<Electrotonus> h40 = Electrotonus.find(r.electrotonus(), -40);
        d40.ifPresent(te -> {
            put(v, 12, te.windowMean(10, 20));
            put(v, 20, te.windowMean(40, 60));
            put(v, 21, te.windowMean(90, 100));
            put(v, 23, te.postPulseExtreme(false));
            te.peak().ifPresent(peak -> {
                v.put(25, peak[0]);
                te.windowMean(90, 100).ifPresent(late -> {
                    v.put(26, peak[0] - late);
                    put(v, 27, te.firstFallBelow((peak[0] + late) / 2, (int) peak[1]));
                });
            });
        });
        h40.ifPresent(te -> {
            put(v, 11, te.windowMean(90, 100));
            put(v, 22, te.windowMean(10, 20));
            put(v, 24, te.postPulseExtreme(true));
            put(v, 30, te.windowMean(20, 40));
            put(v, 31, te.slope(101, 140));
        });
        Electrotonus.find(r.electrotonus(), 20).ifPresent(te -> {
            te.peak().ifPresent(peak -> v.put(35, peak[0]));
            te.windowMean(10, 20).ifPresent(x -> extras.put(TED20_10_20, x));
        });
        Electrotonus.find(r.electrotonus(), -20)
                .ifPresent(te -> te.windowMean(10, 20).ifPresent(x -> extras.put(TEH20_10_20, x)));
    }

    private static void put(Map<Integer, Double> v, int number, OptionalDouble value) {
        value.ifPresent(x -> v.put(number, x));
    }

    private static Map<Integer, String> labels() {
        Map<Integer, String> m = new LinkedHashMap<>();
        m.put(1, "Stimulus (mA) for 50% max response");
        m.put(3, "Strength-duration\\time constant (ms)");
        m.put(4, "Rheobase (mA)");
        m.put(5, "Stimulus-response\\slope");
        m.put(6, "Peak response\\(mV)");
        m.put(7, "Resting I/V slope");
        m.put(8, "Minimum I/V slope");
        m.put(9, "Temperature ( C)");
        m.put(10, "RRP (ms)");
        m.put(11, "TEh(90-100ms)");
        m.put(12, "TEd(10-20ms)");
        m.put(13, "Superexcitability (%)");
        m.put(14, "Subexcitability (%)");
        m.put(15, "Polarizing current\\(% threshold)");
        m.put(16, "Polarizing current\\(mA)");
        m.put(17, "Age (years)");
        m.put(18, "Sex (M=1, F=2)");
        m.put(19, "Latency (ms)");
        m.put(20, "TEd(40-60ms)");
        m.put(21, "TEd(90-100ms)");
        m.put(22, "TEh(10-20ms)");
        m.put(23, "TEd(undershoot)");
        m.put(24, "TEh(overshoot)");
        m.put(25, "TEd(peak)");
        m.put(26, "S2 accommodation");
        m.put(27, "Accommodation half-time (ms)");
        m.put(28, "Hyperpol. I/V slope");
        m.put(29, "Refractoriness at 2.5ms (%)");
        m.put(30, "TEh(20-40ms)");
        m.put(31, "TEh(slope 101-140ms)");
        m.put(32, "Refractoriness at 2 ms (%)");
        m.put(33, "Superexcitability at 7 ms (%)");
        m.put(34, "Superexcitability at 5 ms (%)");
        m.put(35, "TEd20(peak)");
        return java.util.Collections.unmodifiableMap(m);
    }
}
