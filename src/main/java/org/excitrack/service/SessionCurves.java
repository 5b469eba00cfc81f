package org.excitrack.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.excitrack.model.excitability.ChargeDurationPoint;
import org.excitrack.model.excitability.CurrentThresholdPoint;
import org.excitrack.model.excitability.ElectrotonusCurve;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.RecordingHeader;
import org.excitrack.model.excitability.RecoveryPoint;
import org.excitrack.model.excitability.StimulusResponseCurve;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.PlanSection;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.plan.PointNames;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.model.plan.StimulusElement;
import org.excitrack.model.plan.TrackedPoint;
import org.excitrack.tracking.CurveInterpolation;
import org.excitrack.tracking.StimulusResponsePoint;

/**
 * Turns a session's thresholds into the excitability curves QtracP's variables are defined on, reading what each
 * point measured from the protocol's own channels rather than from section names: a test pulse alone whose width
 * changes is charge-duration; a polarizing current of a % of the control threshold is electrotonus (shorter than
 * {@value #SETTLED_MICROS} µs; the delay is the test onset, as in MEM files) or current-threshold (longer); a fixed
 * pulse before the test pulse is the recovery cycle (interval onset to onset). Changes are relative to the control
 * channel's threshold at the same point, as QTRAC computes them.
 */
public final class SessionCurves {
    /** A polarizing current at least this long is an I/V step; shorter ones are electrotonus. */
    static final long SETTLED_MICROS = 150_000;
    private static final int SR_STEP_PERCENT = 2;

    /** One point's threshold, as a session or a recording file gives it. */
    public record MeasuredThreshold(String section, String point, int channel, double nanoamps) {
    }

    private SessionCurves() {
    }

    public static ExcitabilityRecording curves(ProtocolPlan plan, List<MeasuredThreshold> thresholds,
            List<StimulusResponsePoint> stimulusResponse, double maximalMicrovolts, Map<String, String> header) {
        Map<String, Double> byKey = new HashMap<>();
        for (MeasuredThreshold t : thresholds) {
            byKey.put(key(t.section(), t.point(), t.channel()), t.nanoamps());
        }
        List<ChargeDurationPoint> cd = new ArrayList<>();
        Map<Double, List<ElectrotonusCurve.Point>> te = new LinkedHashMap<>();
        List<CurrentThresholdPoint> iv = new ArrayList<>();
        List<RecoveryPoint> rc = new ArrayList<>();
        for (PlanSection section : plan.sections()) {
            Map<TrackedPoint, String> names = PointNames.of(section);
            for (PlanStep.Track track : tracks(section.steps())) {
                for (TrackedPoint point : track.points()) {
                    String name = names.get(point);
                    Double control = byKey.get(key(section.name(), name, 0));
                    for (int i = 0; i < point.channels().size(); i++) {
                        ChannelPlan channel = point.channels().get(i);
                        Double value = byKey.get(key(section.name(), name, i));
                        if (!channel.tracked() || value == null) {
                            continue;
                        }
                        Optional<StimulusElement.TestPulse> test = testPulse(channel);
                        Optional<StimulusElement.PolarizingCurrent> polarizing = polarizing(channel);
                        Optional<StimulusElement.FixedPulse> conditioning = conditioningPulse(channel);
                        if (test.isEmpty()) {
                            continue;
                        }
                        if (track.mode() == PlanStep.TrackMode.SINGLE && polarizing.isEmpty() && conditioning.isEmpty()) {
                            double mA = value / 1e6;
                            double ms = test.get().widthMicros() / 1000.0;
                            cd.add(new ChargeDurationPoint(ms, mA, mA * ms));
                        } else if (i > 0 && control != null && polarizing.isPresent()
                                && polarizing.get().amplitude() instanceof StimulusElement.PercentOfThreshold p) {
                            double reduction = 100 * (control - value) / control;
                            StimulusElement.PolarizingCurrent pc = polarizing.get();
                            if (pc.durationMicros() >= SETTLED_MICROS) {
                                iv.add(new CurrentThresholdPoint(p.percent(), reduction));
                            } else {
                                long onset = test.get().onsetMicros();
                                boolean flowing = onset >= pc.onsetMicros() && onset < pc.onsetMicros() + pc.durationMicros();
                                te.computeIfAbsent(p.percent(), k -> new ArrayList<>()).add(new ElectrotonusCurve.Point(
                                        onset / 1000.0, flowing ? p.percent() : 0, reduction));
                            }
                        } else if (i > 0 && control != null && conditioning.isPresent()) {
                            double interval = (test.get().onsetMicros() - conditioning.get().onsetMicros()) / 1000.0;
                            rc.add(new RecoveryPoint(interval, 100 * (value - control) / control));
                        }
                    }
                }
            }
        }
        List<ElectrotonusCurve> curves = new ArrayList<>();
        int n = 1;
        for (Map.Entry<Double, List<ElectrotonusCurve.Point>> e : te.entrySet()) {
            curves.add(new ElectrotonusCurve("TE" + n++, e.getKey(), e.getValue()));
        }
        return new ExcitabilityRecording(new RecordingHeader(header), stimulusResponse(stimulusResponse,
                maximalMicrovolts), cd, curves, iv, rc, List.of(), List.of(), List.of());
    }

    static StimulusResponseCurve stimulusResponse(List<StimulusResponsePoint> points, double maximalMicrovolts) {
        if (points.isEmpty() || !(maximalMicrovolts > 0)) {
            return StimulusResponseCurve.empty();
        }
        List<StimulusResponsePoint> sorted = new ArrayList<>(points);
        sorted.sort((a, b) -> Long.compare(a.stimulusNanoamps(), b.stimulusNanoamps()));
        List<StimulusResponseCurve.Point> out = new ArrayList<>();
        for (int percent = SR_STEP_PERCENT; percent < 100; percent += SR_STEP_PERCENT) {
            OptionalLong stimulus = CurveInterpolation.stimulusFor(sorted, maximalMicrovolts * percent / 100);
            if (stimulus.isPresent()) {
                out.add(new StimulusResponseCurve.Point(percent, List.of(stimulus.getAsLong() / 1e6)));
            }
        }
        return new StimulusResponseCurve(List.of(new StimulusResponseCurve.MaximalResponse(1.0,
                maximalMicrovolts / 1000)), out);
    }

    private static List<PlanStep.Track> tracks(List<PlanStep> steps) {
        List<PlanStep.Track> out = new ArrayList<>();
        for (PlanStep s : steps) {
            if (s instanceof PlanStep.Track t) {
                out.add(t);
            } else if (s instanceof PlanStep.Conditional c) {
                out.addAll(tracks(c.then()));
                out.addAll(tracks(c.otherwise()));
            } else if (s instanceof PlanStep.Repeat r) {
                out.addAll(tracks(r.body()));
            }
        }
        return out;
    }

    private static Optional<StimulusElement.TestPulse> testPulse(ChannelPlan c) {
        return c.elements().stream().filter(e -> e instanceof StimulusElement.TestPulse)
                .map(e -> (StimulusElement.TestPulse) e).findFirst();
    }

    private static Optional<StimulusElement.PolarizingCurrent> polarizing(ChannelPlan c) {
        return c.elements().stream().filter(e -> e instanceof StimulusElement.PolarizingCurrent)
                .map(e -> (StimulusElement.PolarizingCurrent) e).findFirst();
    }

    private static Optional<StimulusElement.FixedPulse> conditioningPulse(ChannelPlan c) {
        return c.elements().stream().filter(e -> e instanceof StimulusElement.FixedPulse)
                .map(e -> (StimulusElement.FixedPulse) e).findFirst();
    }

    private static String key(String section, String point, int channel) {
        return section + "\u0000" + point + "\u0000" + channel;
    }
}
