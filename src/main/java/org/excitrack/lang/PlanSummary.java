package org.excitrack.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.excitrack.model.plan.AcquisitionPlan;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.Condition;
import org.excitrack.model.plan.PlanSection;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.model.plan.StimulusElement;
import org.excitrack.model.plan.TrackedPoint;

/** The dry run: a plan in words, with every point's stepped value and the expected stimuli and duration. */
public final class PlanSummary {
    private final StringBuilder out = new StringBuilder();
    private final AcquisitionPlan a;

    private PlanSummary(AcquisitionPlan a) {
        this.a = a;
    }

    public static String render(ProtocolPlan plan) {
        PlanSummary s = new PlanSummary(plan.acquisition());
        s.write(plan);
        return s.out.toString();
    }

    private void write(ProtocolPlan plan) {
        line(0, "Protocol \"" + plan.name() + "\"" + (plan.version().isEmpty() ? "" : " version " + plan.version())
                + (plan.author().isEmpty() ? "" : " by " + plan.author()));
        if (!plan.description().isEmpty()) {
            line(1, plan.description());
        }
        line(1, "source sha256 " + plan.sourceSha256().substring(0, 16) + "…");
        if (!plan.parameters().isEmpty()) {
            List<String> ps = new ArrayList<>();
            plan.parameters().forEach((k, v) -> ps.add(k + " = " + v));
            line(1, "parameters: " + String.join(", ", ps));
        }
        line(1, String.format(Locale.ROOT, "acquisition: %s, window %s, interval %s, target %s, %d–%d stimuli per point, "
                + "precision %s", v(a.sampleRateHz(), Unit.Dimension.FREQUENCY), v(a.windowMicros(), Unit.Dimension.TIME),
                v(a.intervalMicros(), Unit.Dimension.TIME), target(a.target()), a.minStimuliPerPoint(),
                a.maxStimuliPerPoint(), v(a.precisionPercent(), Unit.Dimension.PERCENT)));
        line(1, "bounds: maximum stimulus " + v(a.maxStimulusNanoamps(), Unit.Dimension.CURRENT) + ", maximum threshold "
                + v(a.maxThresholdNanoamps(), Unit.Dimension.CURRENT) + ", supramaximal "
                + v(a.supramaximalPercent(), Unit.Dimension.PERCENT) + " of the maximal-response stimulus");
        if (org.excitrack.model.plan.MagneticSteps.any(plan)) {
            AcquisitionPlan.Magnetic m = a.magnetic();
            line(1, "magnetic: maximum intensity " + m.maxIntensityPercentMso() + " %MSO, MEP window "
                    + v(m.mepWindowStartMicros(), Unit.Dimension.TIME) + " to " + v(m.mepWindowEndMicros(), Unit.Dimension.TIME)
                    + " after the test pulse, background EMG " + v(m.backgroundEmgMinMicrovolts(), Unit.Dimension.VOLTAGE)
                    + " to " + v(m.backgroundEmgMaxMicrovolts(), Unit.Dimension.VOLTAGE) + " peak-to-peak before the first pulse");
        }
        long total = 0;
        int points = 0;
        for (PlanSection section : plan.sections()) {
            long stimuli = PlanEstimate.stimuli(section.steps(), a);
            int sectionPoints = PlanEstimate.trackedPoints(section.steps());
            total += stimuli;
            points += sectionPoints;
            line(0, "");
            line(0, String.format(Locale.ROOT, "Section \"%s\": %s, ≈%d stimuli, ≈%.1f min",
                    section.name(), count(sectionPoints, "tracked point"), stimuli, PlanEstimate.minutes(stimuli, a)));
            section.backgroundEmg().ifPresent(b -> line(1, "background EMG " + v(b.minMicrovolts(), Unit.Dimension.VOLTAGE)
                    + " to " + v(b.maxMicrovolts(), Unit.Dimension.VOLTAGE) + " peak-to-peak before the first pulse, "
                    + (b.active() ? "a held contraction" : "at rest") + " (this section)"));
            steps(section.steps(), 1);
        }
        line(0, "");
        line(0, String.format(Locale.ROOT, "Total: %s, %s, ≈%d stimuli, ≈%.1f min at %s per "
                + "stimulus (plus operator prompts)", count(plan.sections().size(), "section"), count(points, "tracked point"), total,
                PlanEstimate.minutes(total, a), v(a.intervalMicros(), Unit.Dimension.TIME)));
    }

    private void steps(List<PlanStep> steps, int indent) {
        for (PlanStep s : steps) {
            if (s instanceof PlanStep.Prompt p) {
                line(indent, "prompt: " + p.text());
            } else if (s instanceof PlanStep.Confirm c) {
                line(indent, "confirm: " + c.text());
            } else if (s instanceof PlanStep.Checklist c) {
                line(indent, "checklist \"" + c.title() + "\": " + String.join("; ", c.items()));
            } else if (s instanceof PlanStep.Input in) {
                line(indent, "input " + in.name() + " (" + in.label() + "), " + Value.trim(in.min()) + " to "
                        + Value.trim(in.max()) + " " + in.unit());
            } else if (s instanceof PlanStep.StimulusResponse sr) {
                line(indent, "stimulus-response curve with " + v(sr.widthMicros(), Unit.Dimension.TIME)
                        + " test pulses, up to " + v(a.maxStimulusNanoamps(), Unit.Dimension.CURRENT)
                        + " (≈" + PlanEstimate.STIMULUS_RESPONSE_STIMULI + " stimuli)");
            } else if (s instanceof PlanStep.Track t) {
                track(t, indent);
            } else if (s instanceof PlanStep.MotorThreshold m) {
                line(indent, "motor threshold \"" + m.name() + "\" by " + m.method() + ", target "
                        + v(m.targetMicrovolts(), Unit.Dimension.VOLTAGE) + " in half the trials (≈"
                        + PlanEstimate.stimuli(m, a) + " stimuli)");
            } else if (s instanceof PlanStep.Measure m) {
                measure(m, indent);
            } else if (s instanceof PlanStep.Conditional c) {
                line(indent, "if " + condition(c.condition()) + ":");
                steps(c.then(), indent + 1);
                if (!c.otherwise().isEmpty()) {
                    line(indent, "otherwise:");
                    steps(c.otherwise(), indent + 1);
                }
            } else if (s instanceof PlanStep.Repeat r) {
                line(indent, "repeat at most " + r.maxTimes() + " times while " + condition(r.condition()) + ":");
                steps(r.body(), indent + 1);
            }
        }
    }

    private void track(PlanStep.Track t, int indent) {
        TrackedPoint first = t.points().get(0);
        String mode = t.mode() == PlanStep.TrackMode.SINGLE ? "track" : "track " + t.mode().name().toLowerCase(Locale.ROOT);
        line(indent, mode + ", " + t.points().size() + (t.points().size() == 1 ? " point" : " points")
                + ", ≈" + PlanEstimate.stimuli(t, a) + " stimuli" + (first.label().isEmpty() ? "" : ": " + labels(t)));
        for (ChannelPlan c : first.channels()) {
            List<String> parts = new ArrayList<>();
            c.elements().forEach(e -> parts.add(element(e)));
            line(indent + 1, "channel \"" + c.name() + "\"" + (c.tracked() ? "" : " (untracked)") + ": "
                    + String.join("; ", parts) + (first.label().isEmpty() ? "" : "   [at " + first.label() + "]"));
        }
    }

    private void measure(PlanStep.Measure m, int indent) {
        TrackedPoint first = m.points().get(0);
        line(indent, "measure " + m.repetitions() + " times, " + m.points().size() + (m.points().size() == 1 ? " point"
                : " points") + ", ≈" + PlanEstimate.stimuli(m, a) + " stimuli" + (first.label().isEmpty() ? ""
                : ": " + labels(m.points())));
        for (ChannelPlan c : first.channels()) {
            List<String> parts = new ArrayList<>();
            c.elements().forEach(e -> parts.add(element(e)));
            line(indent + 1, "channel \"" + c.name() + "\": " + String.join("; ", parts)
                    + (first.label().isEmpty() ? "" : "   [at " + first.label() + "]"));
        }
    }

    /** "delay = 0 ms, 9 ms, …" as "delay = 0, 9, … ms" when every value shares its unit. */
    private static String labels(PlanStep.Track t) {
        return labels(t.points());
    }

    private static String labels(List<TrackedPoint> points) {
        String variable = points.get(0).label().split(" = ")[0];
        List<String> values = points.stream().map(p -> p.label().substring(variable.length() + 3)).toList();
        String unit = values.get(0).contains(" ") ? values.get(0).substring(values.get(0).indexOf(' ')) : "";
        boolean shared = !unit.isEmpty() && values.stream().allMatch(x -> x.endsWith(unit));
        List<String> shown = shared ? values.stream().map(x -> x.substring(0, x.length() - unit.length())).toList() : values;
        return variable + " = " + String.join(", ", shown) + (shared ? unit : "");
    }

    private String element(StimulusElement e) {
        if (e instanceof StimulusElement.MagneticTest m) {
            return "magnetic test at " + v(m.onsetMicros(), Unit.Dimension.TIME);
        }
        if (e instanceof StimulusElement.MagneticPulse m) {
            return "magnetic " + amplitude(m.amplitude(), false) + " at " + v(m.onsetMicros(), Unit.Dimension.TIME);
        }
        if (e instanceof StimulusElement.TestPulse t) {
            return "test " + v(t.widthMicros(), Unit.Dimension.TIME) + " at " + v(t.onsetMicros(), Unit.Dimension.TIME);
        }
        if (e instanceof StimulusElement.FixedPulse p) {
            return "pulse " + (p.polarity() == org.excitrack.model.Polarity.ANODAL ? "anodal " : "")
                    + amplitude(p.amplitude(), false) + " " + v(p.widthMicros(), Unit.Dimension.TIME) + " at "
                    + v(p.onsetMicros(), Unit.Dimension.TIME);
        }
        StimulusElement.PolarizingCurrent c = (StimulusElement.PolarizingCurrent) e;
        return "polarizing " + amplitude(c.amplitude(), true) + " from " + v(c.onsetMicros(), Unit.Dimension.TIME)
                + " for " + v(c.durationMicros(), Unit.Dimension.TIME);
    }

    private String amplitude(StimulusElement.Amplitude amp, boolean signed) {
        if (amp instanceof StimulusElement.Nanoamps n) {
            return (signed && n.nanoamps() > 0 ? "+" : "") + v(n.nanoamps(), Unit.Dimension.CURRENT);
        }
        if (amp instanceof StimulusElement.PercentOfThreshold p) {
            return (signed && p.percent() > 0 ? "+" : "") + Value.trim(p.percent()) + " % of threshold \"" + p.channel() + "\"";
        }
        if (amp instanceof StimulusElement.PercentMso p) {
            return Value.trim(p.percent()) + " %MSO";
        }
        return "supramaximal (" + Value.trim(a.supramaximalPercent()) + " %)";
    }

    private static String condition(Condition c) {
        if (c instanceof Condition.And x) {
            return "(" + condition(x.left()) + " and " + condition(x.right()) + ")";
        }
        if (c instanceof Condition.Or x) {
            return "(" + condition(x.left()) + " or " + condition(x.right()) + ")";
        }
        if (c instanceof Condition.Not x) {
            return "not " + condition(x.operand());
        }
        Condition.Compare cmp = (Condition.Compare) c;
        return operand(cmp.left()) + " " + cmp.operator() + " " + operand(cmp.right());
    }

    private static String operand(Condition.Operand o) {
        if (o instanceof Condition.MaximalResponse) {
            return "maximal response";
        }
        if (o instanceof Condition.Threshold t) {
            return "threshold \"" + t.channel() + "\"";
        }
        if (o instanceof Condition.InputValue i) {
            return i.name();
        }
        Condition.Constant k = (Condition.Constant) o;
        for (Unit.Dimension d : Unit.Dimension.values()) {
            if (d.baseSymbol().equals(k.baseUnit())) {
                return new Value(k.value(), d).display();
            }
        }
        return Value.trim(k.value());
    }

    private static String target(AcquisitionPlan.Target t) {
        return t instanceof AcquisitionPlan.PercentOfMaximal p ? Value.trim(p.percent()) + " % of maximal response"
                : new Value(((AcquisitionPlan.Microvolts) t).microvolts(), Unit.Dimension.VOLTAGE).display();
    }

    private static String v(double base, Unit.Dimension d) {
        return new Value(base, d).display();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }
}
