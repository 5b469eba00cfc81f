package org.excitrack.sim.cortex;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything that makes one virtual motor cortex and its recorded hand muscle (APB/FDI-like), in one immutable
 * record whose component names carry their units. Sources: {@code shared/reference/sim-model.md} §5 (Goetz
 * statistical MEP model, SICI/ICF table, conditioning-intensity dependence, ALS direction) and
 * {@code shared/reference/tms.md} §2–§4 (T-SICI, RMT, MEP conventions). Values marked [inferred] there are
 * starting points, not measurements.
 *
 * <p><b>Recruitment</b> (Goetz/Peterchev 2019 form). For an effective intensity S (%MSO) and a trial's
 * excitability jitter ηx, x = S + ηx − offset; the log10 amplitude rises from a 0.1 µV floor to the saturation
 * along a Hill function of x: {@code log10 MEP = log10 floor + (log10 sat − log10 floor)·x^n/(x^n + x50^n) + ηy}.
 * Goetz's population means put 0.2 mV near 80 %MSO of their device; here both the offset and x50 are scaled
 * by 47/80 so that RMT ≈ 47 %MSO (APB 47 ± 8 %MSO) while the slope relative to threshold is kept, which is
 * what Tankisi's "ten-fold amplitude ≈ 18 % threshold" rule checks. The jitter is scaled less (×≈0.7) so the
 * CV near 120 % RMT stays near Goetz's reported median of ≈ 0.45–0.5.
 *
 * <p><b>Conditioning</b> is expressed as a shift of the test pulse's effective intensity, in % of RMT, so a
 * depth parameter reads directly as a threshold change (T-SICI) and a preset can move RMT without retuning it.
 * Positive shifts inhibit. Depths are at the optimal conditioning intensity; the T-SICI at the standard 70 %
 * RMT follows from the tuning curves and is computed by {@link CortexTruth}.
 *
 * @param recruitmentOffsetPercentMso intensity below which no pulse recruits anything (Goetz p5, rescaled), %MSO
 * @param recruitmentMidpointAboveOffsetPercentMso x at which the log amplitude is half-way from floor to
 *     saturation (Goetz p3^(1/p4), rescaled), %MSO
 * @param recruitmentHillExponent steepness of the recruitment curve (Goetz p4 ≈ 2.67)
 * @param mepSaturationMillivolts largest median MEP, peak-to-peak (Goetz 10^(p2−7) V ≈ 3.4 mV), mV
 * @param excitabilityJitterSdPercentMso trial-to-trial excitability jitter on the intensity axis, shared by
 *     all pulses of a trial (Goetz σx), %MSO
 * @param pathwayJitterSdLog10 trial-to-trial jitter of each response on the log10 amplitude axis (Goetz σy)
 * @param mepLatencyMillis MEP onset after the pulse at rest (APB ≈ 21–24 ms), ms
 * @param mepLatencyJitterSdMillis trial-to-trial latency jitter, ms
 * @param mepPhaseWidthMillis width of each of the MEP's two phases (time from a peak to the zero crossing), ms
 * @param mepMergeWindowMillis pulses closer than this give one compound MEP (their I-wave volleys reach the
 *     motoneurons together), ms
 * @param restingEmgMicrovoltsRms physiological background at rest (a resting criterion is ≲ 10 µV rms), µV
 * @param voluntaryEmgMicrovoltsRmsAtMvc interference EMG at maximal voluntary contraction, scaled linearly
 *     with contraction (≈ 40–80 µV rms at 10–20 % MVC), µV
 * @param activeFacilitationPercentRmt fall of the corticospinal threshold with voluntary contraction (active
 *     threshold ≈ 80 % RMT), % RMT
 * @param activeFacilitationMvcFractionScale contraction at which 63 % of that fall is reached (it saturates
 *     early, by ≈ 10 % MVC), fraction of MVC
 * @param activeLatencyShorteningMillis MEP latency shortening with contraction, ms
 * @param siciEarlyDepthPercentRmt early SICI phase (≈ 1 ms), threshold rise at the optimal CS, % RMT
 * @param siciEarlyIsiMillis ISI of the early phase's peak, ms
 * @param siciEarlyIsiSdMillis Gaussian width of the early phase over ISI, ms
 * @param siciEarlyOptimalCsPercentRmt CS intensity at which the early phase is deepest (lower than the late
 *     phase's: ISI 1 ms saturates at lower CS), % RMT
 * @param siciLateDepthPercentRmt late, GABA-A-like SICI phase (2.5–3 ms), threshold rise at the optimal CS, % RMT
 * @param siciLateIsiMillis ISI of the late phase's peak, ms
 * @param siciLateIsiLogSd width of the late phase on the log ISI axis (a long tail to 5–7 ms)
 * @param siciLateOptimalCsPercentRmt CS intensity at which the late phase is deepest, % RMT
 * @param siciCsTuningWidthPercentRmt Gaussian width of both phases' CS tuning (SICI grows from CS ≈ 50–60 %
 *     to a maximum at 70–90 % RMT, then lessens), % RMT
 * @param icfDepthPercentRmt intracortical facilitation, threshold fall at the optimal CS, % RMT
 * @param icfIsiMillis ISI of maximal ICF, ms
 * @param icfIsiLogSd width of ICF on the log ISI axis
 * @param icfOptimalCsPercentRmt CS intensity of maximal ICF, % RMT
 * @param icfCsTuningWidthPercentRmt Gaussian width of ICF's CS tuning, % RMT
 * @param sicfDepthPercentRmt short-interval I-wave facilitation at its first peak with a fully effective first
 *     pulse, threshold fall, % RMT
 * @param sicfFirstPeakIsiMillis ISI of the first SICF peak (≈ 1.5 ms), ms
 * @param sicfPeakSpacingMillis spacing of the SICF peaks (≈ 1.4 ms: 1.5, 2.9, 4.3 ms), ms
 * @param sicfPeakSdMillis Gaussian width of each SICF peak, ms
 * @param sicfLaterPeakRatio each later SICF peak's height relative to the one before
 * @param sicfCsHalfPercentRmt first-pulse intensity at which SICF is half-effective (I-waves need a near-
 *     threshold first pulse), % RMT
 * @param sicfCsSlopePercentRmt logistic slope of that dependence, % RMT
 * @param liciDepthPercentRmt long-interval intracortical inhibition with a suprathreshold CS, % RMT
 * @param liciIsiMillis ISI of maximal LICI (50–200 ms range), ms
 * @param liciIsiLogSd width of LICI on the log ISI axis
 * @param liciCsHalfPercentRmt CS intensity at which LICI is half-effective (it needs a suprathreshold CS), % RMT
 * @param liciCsSlopePercentRmt logistic slope of that dependence, % RMT
 * @param saiDepthPercentRmt short-latency afferent inhibition with every afferent recruited, % RMT; scales
 *     linearly with the recruited fraction
 * @param saiIsiMillis nerve-stimulus-to-TMS interval of maximal SAI (≈ N20 + 1–2 ms), ms
 * @param saiIsiSdMillis Gaussian width of SAI over that interval (inhibition over ≈ 18–24 ms), ms
 * @param silentPeriodStartPercentRmt pulse intensity at which a cortical silent period first appears, % RMT
 * @param silentPeriodMillisPerPercentRmt growth of the silent period with intensity above that start
 *     (≈ 100 ms at 120 %, 200 ms at 150 % RMT), ms per % RMT
 * @param silentPeriodResidualFraction voluntary EMG left during the silent period, fraction
 */
public record CortexParameters(
        double recruitmentOffsetPercentMso,
        double recruitmentMidpointAboveOffsetPercentMso,
        double recruitmentHillExponent,
        double mepSaturationMillivolts,
        double excitabilityJitterSdPercentMso,
        double pathwayJitterSdLog10,
        double mepLatencyMillis,
        double mepLatencyJitterSdMillis,
        double mepPhaseWidthMillis,
        double mepMergeWindowMillis,
        double restingEmgMicrovoltsRms,
        double voluntaryEmgMicrovoltsRmsAtMvc,
        double activeFacilitationPercentRmt,
        double activeFacilitationMvcFractionScale,
        double activeLatencyShorteningMillis,
        double siciEarlyDepthPercentRmt,
        double siciEarlyIsiMillis,
        double siciEarlyIsiSdMillis,
        double siciEarlyOptimalCsPercentRmt,
        double siciLateDepthPercentRmt,
        double siciLateIsiMillis,
        double siciLateIsiLogSd,
        double siciLateOptimalCsPercentRmt,
        double siciCsTuningWidthPercentRmt,
        double icfDepthPercentRmt,
        double icfIsiMillis,
        double icfIsiLogSd,
        double icfOptimalCsPercentRmt,
        double icfCsTuningWidthPercentRmt,
        double sicfDepthPercentRmt,
        double sicfFirstPeakIsiMillis,
        double sicfPeakSpacingMillis,
        double sicfPeakSdMillis,
        double sicfLaterPeakRatio,
        double sicfCsHalfPercentRmt,
        double sicfCsSlopePercentRmt,
        double liciDepthPercentRmt,
        double liciIsiMillis,
        double liciIsiLogSd,
        double liciCsHalfPercentRmt,
        double liciCsSlopePercentRmt,
        double saiDepthPercentRmt,
        double saiIsiMillis,
        double saiIsiSdMillis,
        double silentPeriodStartPercentRmt,
        double silentPeriodMillisPerPercentRmt,
        double silentPeriodResidualFraction) {

    /** Goetz's amplitude floor, 10^−7 V: the log-amplitude sigmoid needs a finite bottom. */
    public static final double MEP_FLOOR_MILLIVOLTS = 1e-4;

    private static final RecordComponent[] COMPONENTS = CortexParameters.class.getRecordComponents();
    private static final List<String> NAMES = Arrays.stream(COMPONENTS).map(RecordComponent::getName).toList();
    /** Widths, slopes and scales divide; a zero would be a division by zero, not a switched-off effect. */
    private static final Set<String> STRICTLY_POSITIVE = Set.of("recruitmentMidpointAboveOffsetPercentMso",
            "recruitmentHillExponent", "mepSaturationMillivolts", "mepLatencyMillis", "mepPhaseWidthMillis",
            "activeFacilitationMvcFractionScale", "siciEarlyIsiMillis", "siciEarlyIsiSdMillis", "siciLateIsiMillis",
            "siciLateIsiLogSd", "siciCsTuningWidthPercentRmt", "icfIsiMillis", "icfIsiLogSd",
            "icfCsTuningWidthPercentRmt", "sicfFirstPeakIsiMillis", "sicfPeakSdMillis", "sicfCsSlopePercentRmt",
            "liciIsiMillis", "liciIsiLogSd", "liciCsSlopePercentRmt", "saiIsiMillis", "saiIsiSdMillis");

    public CortexParameters {
        double[] values = {recruitmentOffsetPercentMso, recruitmentMidpointAboveOffsetPercentMso,
            recruitmentHillExponent, mepSaturationMillivolts, excitabilityJitterSdPercentMso, pathwayJitterSdLog10,
            mepLatencyMillis, mepLatencyJitterSdMillis, mepPhaseWidthMillis, mepMergeWindowMillis,
            restingEmgMicrovoltsRms, voluntaryEmgMicrovoltsRmsAtMvc, activeFacilitationPercentRmt,
            activeFacilitationMvcFractionScale, activeLatencyShorteningMillis, siciEarlyDepthPercentRmt,
            siciEarlyIsiMillis, siciEarlyIsiSdMillis, siciEarlyOptimalCsPercentRmt, siciLateDepthPercentRmt,
            siciLateIsiMillis, siciLateIsiLogSd, siciLateOptimalCsPercentRmt, siciCsTuningWidthPercentRmt,
            icfDepthPercentRmt, icfIsiMillis, icfIsiLogSd, icfOptimalCsPercentRmt, icfCsTuningWidthPercentRmt,
            sicfDepthPercentRmt, sicfFirstPeakIsiMillis, sicfPeakSpacingMillis, sicfPeakSdMillis, sicfLaterPeakRatio,
            sicfCsHalfPercentRmt, sicfCsSlopePercentRmt, liciDepthPercentRmt, liciIsiMillis, liciIsiLogSd,
            liciCsHalfPercentRmt, liciCsSlopePercentRmt, saiDepthPercentRmt, saiIsiMillis, saiIsiSdMillis,
            silentPeriodStartPercentRmt, silentPeriodMillisPerPercentRmt, silentPeriodResidualFraction};
        for (int i = 0; i < values.length; i++) {
            String name = COMPONENTS[i].getName();
            if (!Double.isFinite(values[i]) || values[i] < 0) {
                throw new IllegalArgumentException(name + " = " + values[i] + " must be finite and not negative");
            }
            if (values[i] == 0 && STRICTLY_POSITIVE.contains(name)) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        }
        if (mepSaturationMillivolts <= MEP_FLOOR_MILLIVOLTS) {
            throw new IllegalArgumentException("mepSaturationMillivolts " + mepSaturationMillivolts
                    + " must exceed the " + MEP_FLOOR_MILLIVOLTS + " mV floor");
        }
        if (silentPeriodResidualFraction > 1) {
            throw new IllegalArgumentException("silentPeriodResidualFraction must not exceed 1");
        }
    }

    /** A healthy adult: RMT ≈ 47 %MSO, 1 mV near 120 % RMT, averaged T-SICI ≈ 11 % with two phases. */
    public static CortexParameters healthy() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("recruitmentOffsetPercentMso", 27.3);
        v.put("recruitmentMidpointAboveOffsetPercentMso", 13.6);
        v.put("recruitmentHillExponent", 2.67);
        v.put("mepSaturationMillivolts", 3.4);
        v.put("excitabilityJitterSdPercentMso", 3.5);
        v.put("pathwayJitterSdLog10", 0.11);
        v.put("mepLatencyMillis", 22.0);
        v.put("mepLatencyJitterSdMillis", 0.5);
        v.put("mepPhaseWidthMillis", 2.0);
        v.put("mepMergeWindowMillis", 6.0);
        v.put("restingEmgMicrovoltsRms", 3.0);
        v.put("voluntaryEmgMicrovoltsRmsAtMvc", 400.0);
        v.put("activeFacilitationPercentRmt", 20.0);
        v.put("activeFacilitationMvcFractionScale", 0.05);
        v.put("activeLatencyShorteningMillis", 2.0);
        v.put("siciEarlyDepthPercentRmt", 11.0);
        v.put("siciEarlyIsiMillis", 1.0);
        v.put("siciEarlyIsiSdMillis", 0.3);
        v.put("siciEarlyOptimalCsPercentRmt", 70.0);
        v.put("siciLateDepthPercentRmt", 18.0);
        v.put("siciLateIsiMillis", 3.0);
        v.put("siciLateIsiLogSd", 0.6);
        v.put("siciLateOptimalCsPercentRmt", 80.0);
        v.put("siciCsTuningWidthPercentRmt", 20.0);
        v.put("icfDepthPercentRmt", 11.0);
        v.put("icfIsiMillis", 13.5);
        v.put("icfIsiLogSd", 0.35);
        v.put("icfOptimalCsPercentRmt", 90.0);
        v.put("icfCsTuningWidthPercentRmt", 30.0);
        v.put("sicfDepthPercentRmt", 25.0);
        v.put("sicfFirstPeakIsiMillis", 1.5);
        v.put("sicfPeakSpacingMillis", 1.4);
        v.put("sicfPeakSdMillis", 0.25);
        v.put("sicfLaterPeakRatio", 0.7);
        v.put("sicfCsHalfPercentRmt", 90.0);
        v.put("sicfCsSlopePercentRmt", 5.0);
        v.put("liciDepthPercentRmt", 25.0);
        v.put("liciIsiMillis", 100.0);
        v.put("liciIsiLogSd", 0.7);
        v.put("liciCsHalfPercentRmt", 100.0);
        v.put("liciCsSlopePercentRmt", 5.0);
        v.put("saiDepthPercentRmt", 15.0);
        v.put("saiIsiMillis", 21.0);
        v.put("saiIsiSdMillis", 2.5);
        v.put("silentPeriodStartPercentRmt", 90.0);
        v.put("silentPeriodMillisPerPercentRmt", 10.0 / 3);
        v.put("silentPeriodResidualFraction", 0.03);
        return of(v);
    }

    /**
     * Amyotrophic lateral sclerosis, cortical hyperexcitability [inferred directions, sim-model.md §5.2]: SICI
     * depths × 0.3 (averaged T-SICI ≈ 3 %), ICF up a quarter, MEPmax × 1.5 and the recruitment offset 2 %MSO
     * lower (RMT a few %MSO lower, as early in the disease), silent period growth × 0.8 (a shorter CSP).
     */
    public static CortexParameters als() {
        CortexParameters h = healthy();
        return h.scaled("siciEarlyDepthPercentRmt", 0.3)
                .scaled("siciLateDepthPercentRmt", 0.3)
                .scaled("icfDepthPercentRmt", 1.25)
                .scaled("mepSaturationMillivolts", 1.5)
                .with("recruitmentOffsetPercentMso", h.recruitmentOffsetPercentMso() - 2)
                .scaled("silentPeriodMillisPerPercentRmt", 0.8);
    }

    /**
     * An older healthy adult (> 60 years) [inferred]: RMT ≈ 4 %MSO higher, MEPmax × 0.75, latency 1 ms longer
     * (longer, slower corticospinal path), SICI depths × 0.85 (a modest fall with age), so age-matched
     * normative comparisons have something to bite on.
     */
    public static CortexParameters olderHealthy() {
        CortexParameters h = healthy();
        return h.with("recruitmentOffsetPercentMso", h.recruitmentOffsetPercentMso() + 3)
                .scaled("mepSaturationMillivolts", 0.75)
                .with("mepLatencyMillis", h.mepLatencyMillis() + 1)
                .scaled("siciEarlyDepthPercentRmt", 0.85)
                .scaled("siciLateDepthPercentRmt", 0.85);
    }

    /** All parameter names, in record order: the keys a preset file may set. */
    public static List<String> names() {
        return NAMES;
    }

    /** A full parameter set from values by name; every name must be present and no other. */
    public static CortexParameters of(Map<String, Double> valuesByName) {
        for (String name : valuesByName.keySet()) {
            indexOf(name);
        }
        Object[] args = new Object[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            Double value = valuesByName.get(COMPONENTS[i].getName());
            if (value == null) {
                throw new IllegalArgumentException("missing cortex parameter " + COMPONENTS[i].getName());
            }
            args[i] = value;
        }
        return construct(args);
    }

    /** The value of the parameter called {@code name}. */
    public double value(String name) {
        return valueAt(indexOf(name));
    }

    /** A copy with the parameter called {@code name} set to {@code newValue}. */
    public CortexParameters with(String name, double newValue) {
        int index = indexOf(name);
        Object[] args = new Object[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            args[i] = i == index ? newValue : valueAt(i);
        }
        return construct(args);
    }

    /** A copy with the parameter called {@code name} multiplied by {@code factor}. */
    public CortexParameters scaled(String name, double factor) {
        return with(name, value(name) * factor);
    }

    /** Every parameter by name, in record order. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < COMPONENTS.length; i++) {
            map.put(COMPONENTS[i].getName(), valueAt(i));
        }
        return map;
    }

    private static int indexOf(String name) {
        int index = NAMES.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("unknown cortex parameter '" + name + "'; valid names: "
                    + String.join(", ", NAMES));
        }
        return index;
    }

    private double valueAt(int index) {
        try {
            return (double) COMPONENTS[index].getAccessor().invoke(this);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + NAMES.get(index), e);
        }
    }

    private static CortexParameters construct(Object[] args) {
        Class<?>[] types = new Class<?>[COMPONENTS.length];
        Arrays.fill(types, double.class);
        try {
            Constructor<CortexParameters> canonical = CortexParameters.class.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw invalid;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build cortex parameters", e);
        }
    }
}
