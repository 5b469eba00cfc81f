package org.excitrack.lang;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.excitrack.model.LimitViolation;
import org.excitrack.model.Polarity;
import org.excitrack.model.PolarizingStep;
import org.excitrack.model.Pulse;
import org.excitrack.model.Quantities;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.model.plan.AcquisitionPlan;
import org.excitrack.model.plan.StimulusElement;

/**
 * The checker's safety layer: builds each channel's worst-case trial (tracked tests at the maximum
 * threshold, relative currents against the maximum threshold, supramaximal pulses at the maximum stimulus)
 * and applies the same rule the session and the unit apply, {@link SafetyLimits#violations}. Every element
 * that could exceed a limit is an error naming the worst case it computed.
 */
final class SafetyCheck {
    private final ConstantEvaluator eval;
    private final UnitCapabilities capabilities;
    private final SafetyLimits limits;
    private final List<Diagnostic> diagnostics;
    private final Set<String> reported = new HashSet<>();

    SafetyCheck(ConstantEvaluator eval, UnitCapabilities capabilities, SafetyLimits limits, List<Diagnostic> diagnostics) {
        this.eval = eval;
        this.capabilities = capabilities;
        this.limits = limits;
        this.diagnostics = diagnostics;
    }

    /** A pulse width, within what the unit can deliver. */
    long width(Ast.Expr e, Scope scope, String what) {
        Value v = eval.expect(e, scope, Unit.Dimension.TIME, what);
        long micros = Math.round(v.base());
        if (micros < capabilities.minPulseWidthMicros() || micros > capabilities.maxPulseWidthMicros()) {
            throw eval.fail(e.span(), what + " " + v.display() + " is outside what the unit can deliver ("
                    + Quantities.format(capabilities.minPulseWidthMicros(), "µs") + " to "
                    + Quantities.format(capabilities.maxPulseWidthMicros(), "µs") + ")", null);
        }
        return micros;
    }

    /** The stimulus-response search may reach the maximum stimulus with this width. */
    void checkStimulusResponse(Span span, long widthMicros, AcquisitionPlan a) {
        TrialSpec worst = TrialSpec.singlePulse(0, Pulse.cathodal(0, widthMicros, a.maxStimulusNanoamps()),
                RecordingWindow.CONFIGURED_DEFAULT);
        for (LimitViolation v : limits.violations(worst)) {
            report(span, "in the worst case the stimulus-response search " + v.describe().replaceFirst("^pulse 1: ", "")
                    + " (it may reach the maximum stimulus, " + Quantities.milliamps(a.maxStimulusNanoamps()) + ")",
                    "lower 'maximum stimulus' in settings");
        }
    }

    void checkChannel(Ast.Channel channel, List<StimulusElement> elements, List<Span> spans, AcquisitionPlan a,
                      String pointLabel) {
        List<Pulse> pulses = new ArrayList<>();
        List<Span> pulseSpans = new ArrayList<>();
        List<String> pulseBasis = new ArrayList<>();
        List<PolarizingStep> steps = new ArrayList<>();
        List<Span> stepSpans = new ArrayList<>();
        List<String> stepBasis = new ArrayList<>();
        long end = 0;
        for (int i = 0; i < elements.size(); i++) {
            StimulusElement e = elements.get(i);
            if (e instanceof StimulusElement.TestPulse t) {
                pulses.add(Pulse.cathodal(t.onsetMicros(), t.widthMicros(), a.maxThresholdNanoamps()));
                pulseBasis.add("the tracked test pulse may reach the maximum threshold, "
                        + Quantities.milliamps(a.maxThresholdNanoamps()));
                pulseSpans.add(spans.get(i));
                end = Math.max(end, t.onsetMicros() + Math.max(t.widthMicros(), a.windowMicros()));
            } else if (e instanceof StimulusElement.FixedPulse p) {
                pulses.add(new Pulse(p.onsetMicros(), p.widthMicros(), worst(p.amplitude(), a), p.polarity()));
                pulseBasis.add(basis(p.amplitude(), a));
                pulseSpans.add(spans.get(i));
                end = Math.max(end, p.onsetMicros() + p.widthMicros());
            } else {
                StimulusElement.PolarizingCurrent c = (StimulusElement.PolarizingCurrent) e;
                steps.add(new PolarizingStep(c.onsetMicros(), c.durationMicros(), worst(c.amplitude(), a),
                        Polarity.CATHODAL));
                stepBasis.add(basis(c.amplitude(), a));
                stepSpans.add(spans.get(i));
                end = Math.max(end, c.onsetMicros() + c.durationMicros());
            }
        }
        for (int i = 0; i < pulses.size(); i++) {
            if (pulses.get(i).amplitudeNanoamps() > capabilities.maxCurrentNanoamps()) {
                report(pulseSpans.get(i), "in the worst case this pulse needs "
                        + Quantities.milliamps(pulses.get(i).amplitudeNanoamps()) + ", more than the unit's "
                        + Quantities.milliamps(capabilities.maxCurrentNanoamps()) + " (" + pulseBasis.get(i) + ")", null);
            }
        }
        TrialSpec worst = new TrialSpec(0, pulses, steps, List.of(), RecordingWindow.CONFIGURED_DEFAULT);
        for (LimitViolation v : limits.violations(worst)) {
            int index = Integer.parseInt(v.where().replaceAll("\\D+", "")) - 1;
            boolean isPulse = v.where().startsWith("pulse");
            Span span = isPulse ? pulseSpans.get(index) : stepSpans.get(index);
            String basis = isPulse ? pulseBasis.get(index) : stepBasis.get(index);
            String text = v.describe().replaceFirst("^[a-z ]+\\d+: ", "");
            boolean aboutCurrent = v.limit() != SafetyLimits.Limit.POLARIZING_DURATION;
            report(span, "in the worst case " + text + (basis.isEmpty() || !aboutCurrent ? "" : " (" + basis + ")")
                    + (pointLabel.isEmpty() ? "" : ", at " + pointLabel), hintFor(v.limit()));
        }
        if (end > a.intervalMicros()) {
            report(channel.span(), "channel \"" + channel.name() + "\" needs " + Quantities.format(end, "µs")
                    + " per trial" + (pointLabel.isEmpty() ? "" : " at " + pointLabel) + ", longer than the interval of "
                    + Quantities.format(a.intervalMicros(), "µs") + " between stimuli", "lengthen 'interval' in settings");
        }
    }

    private long worst(StimulusElement.Amplitude amplitude, AcquisitionPlan a) {
        if (amplitude instanceof StimulusElement.Nanoamps n) {
            return Math.abs(n.nanoamps());
        }
        if (amplitude instanceof StimulusElement.PercentOfThreshold p) {
            return Math.round(Math.abs(p.percent()) / 100 * a.maxThresholdNanoamps());
        }
        return a.maxStimulusNanoamps();
    }

    private static String basis(StimulusElement.Amplitude amplitude, AcquisitionPlan a) {
        if (amplitude instanceof StimulusElement.PercentOfThreshold p) {
            return Value.trim(p.percent()) + " % of thresholds up to the maximum threshold, "
                    + Quantities.milliamps(a.maxThresholdNanoamps());
        }
        if (amplitude instanceof StimulusElement.Supramaximal) {
            return "supramaximal pulses may reach the maximum stimulus, " + Quantities.milliamps(a.maxStimulusNanoamps());
        }
        return "";
    }

    private static String hintFor(SafetyLimits.Limit limit) {
        return switch (limit) {
            case POLARIZING_CURRENT, POLARIZING_CHARGE -> "lower the percentage or 'maximum threshold' in settings";
            case POLARIZING_DURATION -> "shorten the polarizing current";
            case PULSE_CURRENT, PULSE_CHARGE -> "lower 'maximum threshold' or 'maximum stimulus' in settings, or the width";
            case TRIAL_INTERVAL -> "lengthen 'interval' in settings";
        };
    }

    private void report(Span span, String message, String hint) {
        if (reported.add(span.start() + "|" + message.replaceAll(", at .*$", ""))) {
            diagnostics.add(hint == null ? Diagnostic.error(span, message) : Diagnostic.error(span, message, hint));
        }
    }

    SafetyLimits limits() {
        return limits;
    }

    UnitCapabilities capabilities() {
        return capabilities;
    }
}
