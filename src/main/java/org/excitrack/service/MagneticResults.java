package org.excitrack.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.PlanSection;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.plan.PointNames;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.model.plan.TrackedPoint;
import org.excitrack.model.tms.MagneticThreshold;

/**
 * What a magnetic protocol found, as the operator reads it: each motor threshold in %MSO, and for each tracked
 * point the conditioned channel's threshold change from the block's reference (test alone), in % of the
 * reference: T-SICI(ISI) = 100 × (conditioned − test alone) / test alone, positive for inhibition, negative for
 * facilitation (tms.md §2.2); then its mean over the block's points (averaged T-SICI over ISIs 1–7 ms for the
 * built-in T-SICI protocol).
 */
public final class MagneticResults {
    private MagneticResults() {
    }

    /**
     * @param name e.g. "RMT", "T-SICI conditioned", "T-SICI conditioned, mean"
     * @param point e.g. "isi = 2.5 ms", empty for a motor threshold or a mean
     * @param unit "%MSO" for thresholds, "%" for threshold changes, "ms" for silent periods
     * @param standardError of a threshold, same unit; empty when not known
     * @param standardDeviation of a mean over trials (silent periods), same unit; empty otherwise
     */
    public record Value(String name, String point, double value, String unit, Optional<Double> standardError,
                        Optional<Double> standardDeviation) {
        public Value(String name, String point, double value, String unit, Optional<Double> standardError) {
            this(name, point, value, unit, standardError, Optional.empty());
        }
    }

    /**
     * The cortical silent period looked for in one trial given during a held contraction.
     *
     * @param durationFromMepOnsetMillis from the MEP onset to the return of EMG, ms; NaN when none was found
     */
    public record SilentPeriodTrial(String section, String channel, long trialId, double durationFromMepOnsetMillis) {
        public boolean found() {
            return Double.isFinite(durationFromMepOnsetMillis);
        }
    }

    /** Thresholds and changes as {@link #of(ProtocolPlan, List)}, then each section's mean silent period. */
    public static List<Value> of(ProtocolPlan plan, List<Threshold> thresholds, List<SilentPeriodTrial> silentPeriods) {
        List<Value> out = new ArrayList<>(of(plan, thresholds));
        out.addAll(silentPeriods(silentPeriods));
        return out;
    }

    /**
     * Per section and channel: the mean cortical silent period (from the MEP onset) over the trials in which one was
     * found, with its SD; the name says how many of the trials had one. Nothing for a section in which none was.
     */
    public static List<Value> silentPeriods(List<SilentPeriodTrial> trials) {
        Map<String, List<SilentPeriodTrial>> groups = new LinkedHashMap<>();
        for (SilentPeriodTrial t : trials) {
            groups.computeIfAbsent(t.section() + "\u0000" + t.channel(), k -> new ArrayList<>()).add(t);
        }
        List<Value> out = new ArrayList<>();
        for (List<SilentPeriodTrial> group : groups.values()) {
            double[] found = group.stream().filter(SilentPeriodTrial::found)
                    .mapToDouble(SilentPeriodTrial::durationFromMepOnsetMillis).toArray();
            if (found.length == 0) {
                continue;
            }
            org.excitrack.analysis.tms.SilentPeriodSummary summary = org.excitrack.analysis.tms.SilentPeriodSummary
                    .of(found);
            SilentPeriodTrial first = group.get(0);
            out.add(new Value(first.section() + " \"" + first.channel() + "\" silent period, mean of " + found.length
                    + (found.length == group.size() ? "" : " (in " + group.size() + " trials)"), "", summary.meanMillis(),
                    "ms", Optional.empty(), finite(summary.sdMillis())));
        }
        return out;
    }

    /** One threshold a session found, by section, point (empty for a motor threshold) and channel. */
    public record Threshold(String section, String point, String channel, MagneticThreshold threshold) {
    }

    public static List<Value> of(ProtocolPlan plan, List<Threshold> thresholds) {
        Map<String, MagneticThreshold> byKey = new LinkedHashMap<>();
        List<Value> out = new ArrayList<>();
        for (Threshold t : thresholds) {
            byKey.put(key(t.section(), t.point(), t.channel()), t.threshold());
            if (t.point().isEmpty()) {
                out.add(new Value(t.channel(), "", t.threshold().percentMso(), "%MSO",
                        finite(t.threshold().standardErrorPercentMso())));
            }
        }
        for (PlanSection section : plan.sections()) {
            Map<TrackedPoint, String> names = PointNames.of(section);
            for (PlanStep step : section.steps()) {
                if (step instanceof PlanStep.Track track && track.points().size() > 0) {
                    changes(section.name(), track, names, byKey, out);
                }
            }
        }
        return out;
    }

    private static void changes(String section, PlanStep.Track track, Map<TrackedPoint, String> names,
                                Map<String, MagneticThreshold> byKey, List<Value> out) {
        Map<String, List<Double>> perChannel = new LinkedHashMap<>();
        for (TrackedPoint p : track.points()) {
            List<ChannelPlan> tracked = p.channels().stream().filter(ChannelPlan::tracked).toList();
            String point = names.getOrDefault(p, p.label());
            MagneticThreshold reference = byKey.get(key(section, point, tracked.get(0).name()));
            if (reference == null) {
                continue;
            }
            out.add(new Value(section + " " + tracked.get(0).name() + " threshold", point, reference.percentMso(),
                    "%MSO", finite(reference.standardErrorPercentMso())));
            for (ChannelPlan c : tracked.subList(1, tracked.size())) {
                MagneticThreshold t = byKey.get(key(section, point, c.name()));
                if (t == null) {
                    continue;
                }
                double change = 100 * (t.percentMso() - reference.percentMso()) / reference.percentMso();
                out.add(new Value(section + " " + c.name(), point, change, "%", Optional.empty()));
                if (Double.isFinite(change)) {
                    perChannel.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(change);
                }
            }
        }
        perChannel.forEach((channel, changes) -> {
            if (changes.size() > 1) {
                out.add(new Value(section + " " + channel + ", mean over " + changes.size() + " points", "",
                        changes.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), "%",
                        Optional.empty()));
            }
        });
    }

    private static String key(String section, String point, String channel) {
        return section + "\u0000" + point + "\u0000" + channel;
    }

    private static Optional<Double> finite(double v) {
        return Double.isFinite(v) ? Optional.of(v) : Optional.empty();
    }
}
