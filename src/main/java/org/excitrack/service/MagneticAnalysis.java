package org.excitrack.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.excitrack.analysis.tms.BoltzmannCurve;
import org.excitrack.analysis.tms.BoltzmannFit;
import org.excitrack.analysis.tms.SilentPeriodSummary;
import org.excitrack.model.tms.DeliveredMagneticPulse;
import org.excitrack.model.tms.MagneticOutput;
import org.excitrack.model.tms.MagneticThreshold;
import org.excitrack.storage.recording.MagneticRecord;
import org.excitrack.storage.recording.RecordedEvent;
import org.excitrack.storage.recording.Recording;
import org.excitrack.storage.recording.RecordingFile;
import org.excitrack.storage.recording.TrialRecord;

/**
 * What a TMS recording holds, computed again from its stored data (not from the run's printout), for the CLI's
 * {@code analyze} and the GUI alike: motor thresholds; for each tracked block the conditioned channels' threshold
 * change from the reference (T-SICI, T-ICF, …) per point and averaged; amplitude ratios of measure blocks with paired
 * pulses (A-SICI); a Boltzmann fit of single-pulse measure blocks at four or more outputs (SRF); the cortical silent
 * periods of trials given during a held contraction (CSP). Immutable results, no printing.
 *
 * <p>Reading the file alone: the reference of a tracked point is the first threshold stored for it (the session
 * reports a point's reference before its conditioned channels); in a measure block, test-alone trials are those with
 * one magnetic pulse and conditioned ones those with two, grouped by point; rejected trials (background EMG outside
 * its band) are left out everywhere.
 */
public final class MagneticAnalysis {
    /** The motor-threshold method is in an event "motor threshold" whose detail reads {@code "RMT" by ml-pest}. */
    public static final String METHOD_EVENT = "motor threshold";
    private static final Pattern ISI = Pattern.compile("^isi = ([0-9.]+) ms$");
    private static final int MIN_RECRUITMENT_OUTPUTS = 4;

    /** A motor threshold as stored; {@code method} is "not recorded" for recordings made before it was. */
    public record MotorThreshold(String section, String name, String method, double percentMso,
                                 Optional<Double> standardErrorPercentMso, int stimuli, boolean converged) {
    }

    /** One point's conditioned threshold against the reference: 100 × (conditioned − reference) / reference, %. */
    public record PointChange(String point, OptionalDouble isiMillis, double referencePercentMso,
                              double conditionedPercentMso, double changePercent) {
    }

    /**
     * A conditioned channel of a tracked block across its points; positive means inhibition (T-SICI), negative
     * facilitation (T-ICF, T-SICF).
     *
     * @param mean over every point with a finite change
     * @param mean1To3p5Millis over the points at ISIs 1–3.5 ms (Tankisi's range); empty without such points
     */
    public record ThresholdChanges(String section, String channel, List<PointChange> points, OptionalDouble mean,
                                   OptionalDouble mean1To3p5Millis) {
        public ThresholdChanges {
            points = List.copyOf(points);
        }
    }

    /** A point's conditioned MEPs against the test alone: ratio of geometric means, and 100 × (1 − ratio), %. */
    public record AmplitudeRatio(String point, int trials, double geometricMeanMicrovolts, double ratio,
                                 double inhibitionPercent) {
    }

    /** A measure block with paired pulses (A-SICI and ICF). */
    public record AmplitudeRatios(String section, int testAloneTrials, double testAloneGeometricMeanMicrovolts,
                                  List<AmplitudeRatio> points) {
        public AmplitudeRatios {
            points = List.copyOf(points);
        }
    }

    /**
     * A Boltzmann stimulus–response curve, MEP(x) = MEPmax / (1 + e^((S50 − x)/k)), with standard errors.
     *
     * @param slopePercentMso k, %MSO
     */
    public record Boltzmann(double mepMaxMicrovolts, double s50PercentMso, double slopePercentMso,
                            double mepMaxStandardErrorMicrovolts, double s50StandardErrorPercentMso,
                            double slopeStandardErrorPercentMso, double residualSdMicrovolts) {
        static Boltzmann of(BoltzmannCurve c) {
            return new Boltzmann(c.mepMaxMicrovolts(), c.s50PercentMso(), c.slopePercentMso(),
                    c.mepMaxStandardErrorMicrovolts(), c.s50StandardErrorPercentMso(), c.slopeStandardErrorPercentMso(),
                    c.residualSdMicrovolts());
        }
    }

    /** A single-pulse measure block at several outputs (SRF): its Boltzmann fit, or why there is none. */
    public record RecruitmentCurve(String section, int trials, int outputs, Optional<Boltzmann> fit,
                                   String problem) {
    }

    /** Silent periods found in a block of trials, ms: their count, mean, SD (NaN for one), median and range. */
    public record SilentPeriodStatistics(int found, double meanMillis, double sdMillis, double medianMillis,
                                         double minMillis, double maxMillis) {
        static SilentPeriodStatistics of(SilentPeriodSummary s) {
            return new SilentPeriodStatistics(s.trials(), s.meanMillis(), s.sdMillis(), s.medianMillis(),
                    s.minMillis(), s.maxMillis());
        }
    }

    /**
     * The cortical silent periods of one section's trials given during a held contraction, from the MEP onset.
     *
     * @param trials how many trials had one looked for; {@code summary} is over those in which one was found
     */
    public record SilentPeriods(String section, int trials, Optional<SilentPeriodStatistics> summary) {
    }

    /** Everything, in the order of the recording. */
    public record Result(String file, String subject, List<MotorThreshold> motorThresholds,
                         List<ThresholdChanges> thresholdChanges, List<AmplitudeRatios> amplitudeRatios,
                         List<RecruitmentCurve> recruitmentCurves, List<SilentPeriods> silentPeriods) {
        public Result {
            motorThresholds = List.copyOf(motorThresholds);
            thresholdChanges = List.copyOf(thresholdChanges);
            amplitudeRatios = List.copyOf(amplitudeRatios);
            recruitmentCurves = List.copyOf(recruitmentCurves);
            silentPeriods = List.copyOf(silentPeriods);
        }
    }

    /** Whether a recording is a TMS one: a stimulator, magnetic pulses or magnetic thresholds. */
    public static boolean isMagnetic(Recording r) {
        MagneticRecord m = r.magnetic();
        return m.stimulator().isPresent() || !m.pulses().isEmpty() || !m.thresholds().isEmpty();
    }

    /**
     * @throws InvalidRequestException when the file is not a TMS recording
     * @throws org.excitrack.storage.recording.RecordingException when it cannot be read
     */
    public Result analyze(Path file) {
        Recording r = RecordingFile.open(file);
        if (!isMagnetic(r)) {
            throw new InvalidRequestException(file + " is a nerve recording, without magnetic stimuli: analyse it for "
                    + "excitability variables instead", null);
        }
        return of(file.getFileName().toString(), r);
    }

    /**
     * The analysis of {@code file} when it is an Excitrack recording of a TMS protocol; empty for a MEM file, a nerve
     * recording, or a file that is not a recording at all (which the nerve analysis then reports on).
     */
    public Optional<Result> analyzeIfMagnetic(Path file) {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".mem")) {
            return Optional.empty();
        }
        Recording r;
        try {
            r = RecordingFile.open(file);
        } catch (RuntimeException notARecording) {
            return Optional.empty();
        }
        return isMagnetic(r) ? Optional.of(of(file.getFileName().toString(), r)) : Optional.empty();
    }

    public static Result of(String fileName, Recording r) {
        return new Result(fileName, r.metadata().subject().pseudonymousId(), motorThresholds(r), thresholdChanges(r),
                amplitudeRatios(r), recruitmentCurves(r), silentPeriods(r));
    }

    private static List<MotorThreshold> motorThresholds(Recording r) {
        List<MotorThreshold> out = new ArrayList<>();
        for (MagneticRecord.Threshold t : r.magnetic().thresholds()) {
            if (t.point().isEmpty()) {
                MagneticThreshold v = t.threshold();
                out.add(new MotorThreshold(t.section(), t.channel(), method(r.events(), t.channel()), v.percentMso(),
                        finite(v.standardErrorPercentMso()), v.stimuli(), v.converged()));
            }
        }
        return out;
    }

    private static String method(List<RecordedEvent> events, String name) {
        String prefix = "\"" + name + "\" by ";
        String method = "not recorded";
        for (RecordedEvent e : events) {
            if (e.kind().equals(METHOD_EVENT) && e.detail().startsWith(prefix)) {
                method = e.detail().substring(prefix.length());
            }
        }
        return method;
    }

    private static List<ThresholdChanges> thresholdChanges(Recording r) {
        Map<String, MagneticThreshold> reference = new LinkedHashMap<>();
        Map<String, Map<String, List<PointChange>>> bySectionChannel = new LinkedHashMap<>();
        for (MagneticRecord.Threshold t : r.magnetic().thresholds()) {
            if (t.point().isEmpty()) {
                continue;
            }
            String key = t.section() + "\u0000" + t.point();
            MagneticThreshold ref = reference.get(key);
            if (ref == null) {
                reference.put(key, t.threshold());
                continue;
            }
            double change = 100 * (t.threshold().percentMso() - ref.percentMso()) / ref.percentMso();
            bySectionChannel.computeIfAbsent(t.section(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(t.channel(), k -> new ArrayList<>())
                    .add(new PointChange(t.point(), isi(t.point()), ref.percentMso(), t.threshold().percentMso(), change));
        }
        List<ThresholdChanges> out = new ArrayList<>();
        bySectionChannel.forEach((section, channels) -> channels.forEach((channel, points) -> {
            OptionalDouble mean = points.stream().mapToDouble(PointChange::changePercent).filter(Double::isFinite)
                    .average();
            OptionalDouble early = points.stream().filter(p -> p.isiMillis().isPresent()
                    && p.isiMillis().getAsDouble() >= 1 && p.isiMillis().getAsDouble() <= 3.5)
                    .mapToDouble(PointChange::changePercent).filter(Double::isFinite).average();
            out.add(new ThresholdChanges(section, channel, points, mean, early));
        }));
        return out;
    }

    private static List<AmplitudeRatios> amplitudeRatios(Recording r) {
        Set<String> tracked = trackedSections(r);
        List<AmplitudeRatios> out = new ArrayList<>();
        for (String section : sections(r)) {
            if (tracked.contains(section)) {
                continue;
            }
            List<Double> alone = new ArrayList<>();
            Map<String, List<Double>> conditioned = new LinkedHashMap<>();
            for (TrialRecord t : accepted(r, section)) {
                int pulses = pulses(r, t).size();
                if (pulses == 1) {
                    alone.add(t.response().peakToPeakMicrovolts());
                } else if (pulses == 2) {
                    conditioned.computeIfAbsent(t.pointLabel(), k -> new ArrayList<>())
                            .add(t.response().peakToPeakMicrovolts());
                }
            }
            if (conditioned.isEmpty() || alone.isEmpty()) {
                continue;
            }
            double reference = geometricMean(alone);
            List<AmplitudeRatio> points = new ArrayList<>();
            conditioned.forEach((point, meps) -> {
                double g = geometricMean(meps);
                points.add(new AmplitudeRatio(point, meps.size(), g, g / reference, 100 * (1 - g / reference)));
            });
            out.add(new AmplitudeRatios(section, alone.size(), reference, points));
        }
        return out;
    }

    private static List<RecruitmentCurve> recruitmentCurves(Recording r) {
        Set<String> excluded = trackedSections(r);
        r.magnetic().thresholds().forEach(t -> excluded.add(t.section()));
        List<RecruitmentCurve> out = new ArrayList<>();
        for (String section : sections(r)) {
            if (excluded.contains(section)) {
                continue;
            }
            List<double[]> xy = new ArrayList<>();
            boolean paired = false;
            for (TrialRecord t : accepted(r, section)) {
                List<DeliveredMagneticPulse> pulses = pulses(r, t);
                paired |= pulses.size() > 1;
                pulses.stream().filter(p -> p.output() == MagneticOutput.TEST).findFirst().ifPresent(p ->
                        xy.add(new double[] {p.intensityPercentMso(), t.response().peakToPeakMicrovolts()}));
            }
            long outputs = xy.stream().mapToDouble(p -> p[0]).distinct().count();
            if (paired || outputs < MIN_RECRUITMENT_OUTPUTS) {
                continue;
            }
            double[] x = xy.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = xy.stream().mapToDouble(p -> p[1]).toArray();
            try {
                out.add(new RecruitmentCurve(section, xy.size(), (int) outputs, Optional.of(Boltzmann.of(BoltzmannFit.fit(x,
                        y))), ""));
            } catch (RuntimeException e) { // the fit did not converge, or the data cannot determine it
                out.add(new RecruitmentCurve(section, xy.size(), (int) outputs, Optional.empty(), e.getMessage()));
            }
        }
        return out;
    }

    private static List<SilentPeriods> silentPeriods(Recording r) {
        Map<String, List<MagneticRecord.SilentPeriod>> bySection = new LinkedHashMap<>();
        for (TrialRecord t : r.trials()) {
            MagneticRecord.SilentPeriod sp = r.magnetic().silentPeriods().get(t.result().trialId());
            if (sp != null) {
                bySection.computeIfAbsent(t.section(), k -> new ArrayList<>()).add(sp);
            }
        }
        List<SilentPeriods> out = new ArrayList<>();
        bySection.forEach((section, periods) -> {
            double[] found = periods.stream().mapToDouble(MagneticRecord.SilentPeriod::durationFromMepOnsetMillis)
                    .filter(Double::isFinite).toArray();
            out.add(new SilentPeriods(section, periods.size(), found.length == 0 ? Optional.empty()
                    : Optional.of(SilentPeriodStatistics.of(SilentPeriodSummary.of(found)))));
        });
        return out;
    }

    private static Set<String> trackedSections(Recording r) {
        Set<String> tracked = new LinkedHashSet<>();
        r.magnetic().thresholds().stream().filter(t -> !t.point().isEmpty()).forEach(t -> tracked.add(t.section()));
        return tracked;
    }

    private static List<String> sections(Recording r) {
        return r.trials().stream().map(TrialRecord::section).distinct().toList();
    }

    /** A section's trials that passed the background-EMG check and have magnetic pulses. */
    private static List<TrialRecord> accepted(Recording r, String section) {
        return r.trials().stream().filter(t -> t.section().equals(section))
                .filter(t -> t.trackerStateJson() == null || !t.trackerStateJson().contains("\"rejected\":true"))
                .filter(t -> !pulses(r, t).isEmpty() && t.response().peakToPeakMicrovolts() > 0).toList();
    }

    private static List<DeliveredMagneticPulse> pulses(Recording r, TrialRecord t) {
        return r.magnetic().pulses().getOrDefault(t.result().trialId(), List.of());
    }

    private static double geometricMean(List<Double> v) {
        return Math.exp(v.stream().mapToDouble(Math::log).average().orElse(Double.NaN));
    }

    private static OptionalDouble isi(String point) {
        Matcher m = ISI.matcher(point);
        return m.matches() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    private static Optional<Double> finite(double v) {
        return Double.isFinite(v) ? Optional.of(v) : Optional.empty();
    }
}
