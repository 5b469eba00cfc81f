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
    private final java.util.Map<String, Pending> pending = new java.util.LinkedHashMap<>();

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
                    + new Value(capabilities.minPulseWidthMicros(), Unit.Dimension.TIME).display() + " to "
                    + new Value(capabilities.maxPulseWidthMicros(), Unit.Dimension.TIME).display() + ")", null);
        }
        return micros;
    }

    /** The stimulus-response search may reach the maximum stimulus with this width. */
    void checkStimulusResponse(Span span, long widthMicros, AcquisitionPlan a) {
        TrialSpec worst = TrialSpec.singlePulse(0, Pulse.cathodal(0, widthMicros, a.maxStimulusNanoamps()),
                RecordingWindow.CONFIGURED_DEFAULT);
        for (LimitViolation v : limits.violations(worst)) {
            report(span, "in the worst case " + v.describe().replaceFirst("^pulse 1: ", "")
                    + " (the stimulus-response search may reach the maximum stimulus, "
                    + Quantities.milliamps(a.maxStimulusNanoamps()) + ")",
                    v.limit() == SafetyLimits.Limit.PULSE_CHARGE ? "lower 'maximum stimulus' in settings, or the width"
                            : "lower 'maximum stimulus' in settings");
        }
    }

    void checkChannel(Ast.Channel channel, List<StimulusElement> elements, List<Span> spans, AcquisitionPlan a,
                      String pointLabel) {
        List<Pulse> pulses = new ArrayList<>();
        List<Span> pulseSpans = new ArrayList<>();
        List<String> pulseBasis = new ArrayList<>();
        List<StimulusElement.Amplitude> pulseAmplitudes = new ArrayList<>();
        List<PolarizingStep> steps = new ArrayList<>();
        List<Span> stepSpans = new ArrayList<>();
        List<String> stepBasis = new ArrayList<>();
        List<StimulusElement.Amplitude> stepAmplitudes = new ArrayList<>();
        long end = 0;
        for (int i = 0; i < elements.size(); i++) {
            StimulusElement e = elements.get(i);
            if (e instanceof StimulusElement.TestPulse t) {
                pulses.add(Pulse.cathodal(t.onsetMicros(), t.widthMicros(), a.maxThresholdNanoamps()));
                pulseBasis.add("the tracked test pulse may reach the maximum threshold, "
                        + Quantities.milliamps(a.maxThresholdNanoamps()));
                pulseAmplitudes.add(null);
                pulseSpans.add(spans.get(i));
                end = Math.max(end, saturatedSum(t.onsetMicros(), Math.max(t.widthMicros(), a.windowMicros())));
            } else if (e instanceof StimulusElement.FixedPulse p) {
                end = Math.max(end, saturatedSum(p.onsetMicros(), p.widthMicros()));
                if (beyondArithmetic(worst(p.amplitude(), a), p.widthMicros(), spans.get(i), "pulse", "lower the amplitude")) {
                    continue;
                }
                pulses.add(new Pulse(p.onsetMicros(), p.widthMicros(), worst(p.amplitude(), a), p.polarity()));
                pulseBasis.add(basis(p.amplitude(), a));
                pulseAmplitudes.add(p.amplitude());
                pulseSpans.add(spans.get(i));
            } else if (e instanceof StimulusElement.MagneticTest || e instanceof StimulusElement.MagneticPulse) {
                // a magnetic pulse's output is bounded by 'maximum intensity' (TrackCompiler) and at run time
                end = Math.max(end, saturatedSum(e.onsetMicros(), a.windowMicros()));
            } else {
                StimulusElement.PolarizingCurrent c = (StimulusElement.PolarizingCurrent) e;
                end = Math.max(end, saturatedSum(c.onsetMicros(), c.durationMicros()));
                if (beyondArithmetic(worst(c.amplitude(), a), c.durationMicros(), spans.get(i), "polarizing current",
                        "lower the current or shorten it")) {
                    continue;
                }
                steps.add(new PolarizingStep(c.onsetMicros(), c.durationMicros(), worst(c.amplitude(), a),
                        Polarity.CATHODAL));
                stepBasis.add(basis(c.amplitude(), a));
                stepAmplitudes.add(c.amplitude());
                stepSpans.add(spans.get(i));
            }
        }
        for (int i = 0; i < pulses.size(); i++) {
            if (pulses.get(i).amplitudeNanoamps() > capabilities.maxCurrentNanoamps()) {
                propose("unit", pulseSpans.get(i), pulses.get(i).amplitudeNanoamps(), "in the worst case this pulse needs "
                        + Quantities.milliamps(pulses.get(i).amplitudeNanoamps()) + ", more than the unit's "
                        + Quantities.milliamps(capabilities.maxCurrentNanoamps())
                        + (pulseBasis.get(i).isEmpty() ? "" : " (" + pulseBasis.get(i) + ")"), null, pointLabel);
            }
        }
        TrialSpec worst = new TrialSpec(0, pulses, steps, List.of(), RecordingWindow.CONFIGURED_DEFAULT);
        for (LimitViolation v : limits.violations(worst)) {
            int index = Integer.parseInt(v.where().replaceAll("\\D+", "")) - 1;
            boolean isPulse = v.where().startsWith("pulse");
            Span span = isPulse ? pulseSpans.get(index) : stepSpans.get(index);
            String basis = isPulse ? pulseBasis.get(index) : stepBasis.get(index);
            StimulusElement.Amplitude amplitude = isPulse ? pulseAmplitudes.get(index) : stepAmplitudes.get(index);
            String text = v.describe().replaceFirst("^[a-z ]+\\d+: ", "");
            boolean aboutCurrent = v.limit() != SafetyLimits.Limit.POLARIZING_DURATION;
            propose(v.limit().name(), span, v.value(), "in the worst case " + text
                    + (basis.isEmpty() || !aboutCurrent ? "" : " (" + basis + ")"), hintFor(v.limit(), amplitude), pointLabel);
        }
        if (end > a.intervalMicros()) {
            propose("trial", channel.span(), end, "channel \"" + channel.name() + "\" needs " + Quantities.format(end, "µs")
                    + " per trial, longer than the interval of " + Quantities.format(a.intervalMicros(), "µs")
                    + " between stimuli", "lengthen 'interval' in settings", pointLabel);
        }
    }

    /**
     * Reports an element whose worst-case charge (nA × µs) does not even fit in a long, so far beyond every limit
     * that the model's exact charge arithmetic would overflow on it; the caller leaves it out of the worst-case trial.
     */
    private boolean beyondArithmetic(long nanoamps, long micros, Span span, String what, String hint) {
        if (Math.multiplyHigh(nanoamps, micros) == 0 && nanoamps * micros >= 0) {
            return false;
        }
        report(span, "in the worst case this " + what + " is " + Quantities.milliamps(nanoamps) + " for "
                + Quantities.format(micros, "µs") + ", far beyond every safety limit", hint);
        return true;
    }

    /** a + b, or the nearest long when the sum overflows (an onset near Long.MAX_VALUE must not wrap to negative). */
    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }

    private long worst(StimulusElement.Amplitude amplitude, AcquisitionPlan a) {
        if (amplitude instanceof StimulusElement.Nanoamps n) {
            return n.nanoamps() == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(n.nanoamps());
        }
        if (amplitude instanceof StimulusElement.PercentOfThreshold p) {
            return Math.round(Math.abs(p.percent()) / 100 * a.maxThresholdNanoamps());
        }
        return a.maxStimulusNanoamps();
    }

    private static String basis(StimulusElement.Amplitude amplitude, AcquisitionPlan a) {
        if (amplitude instanceof StimulusElement.PercentOfThreshold p) {
            return Value.trim(p.percent()) + " % of a threshold that may reach the maximum threshold, "
                    + Quantities.milliamps(a.maxThresholdNanoamps());
        }
        if (amplitude instanceof StimulusElement.Supramaximal) {
            return "supramaximal pulses may reach the maximum stimulus, " + Quantities.milliamps(a.maxStimulusNanoamps());
        }
        return "";
    }

    /** What the author can change: it depends on what sets the worst case (null: the tracked test pulse). */
    private static String hintFor(SafetyLimits.Limit limit, StimulusElement.Amplitude amplitude) {
        String orWidth = limit == SafetyLimits.Limit.PULSE_CHARGE ? ", or the width" : "";
        return switch (limit) {
            case POLARIZING_CURRENT, POLARIZING_CHARGE -> amplitude instanceof StimulusElement.Nanoamps
                    ? "lower the current" + (limit == SafetyLimits.Limit.POLARIZING_CHARGE ? " or shorten it" : "")
                    : "lower the percentage or 'maximum threshold' in settings";
            case POLARIZING_DURATION -> "shorten the polarizing current";
            case PULSE_CURRENT, PULSE_CHARGE -> amplitude == null ? "lower 'maximum threshold' in settings" + orWidth
                    : amplitude instanceof StimulusElement.Supramaximal ? "lower 'maximum stimulus' in settings" + orWidth
                    : amplitude instanceof StimulusElement.Nanoamps ? "lower the amplitude" + orWidth
                    : "lower the percentage or 'maximum threshold' in settings" + orWidth;
            case TRIAL_INTERVAL -> "lengthen 'interval' in settings";
        };
    }

    /** A problem at one point of a track block; {@link #endOfTrack} reports the worst point of each. */
    private void propose(String kind, Span span, long value, String message, String hint, String pointLabel) {
        Pending p = pending.get(span.source().name() + "|" + span.start() + "|" + kind);
        if (p == null) {
            pending.put(span.source().name() + "|" + span.start() + "|" + kind,
                    new Pending(span, value, message, hint, pointLabel, 1));
        } else {
            pending.put(span.source().name() + "|" + span.start() + "|" + kind, value > p.value()
                    ? new Pending(span, value, message, hint, pointLabel, p.points() + 1) : p.withOneMorePoint());
        }
    }

    /**
     * Reports each problem of the track block just checked once, at its worst point, so that a long list does
     * not repeat one problem for every value.
     */
    void endOfTrack() {
        for (Pending p : pending.values()) {
            report(p.span(), p.message() + (p.pointLabel().isEmpty() ? "" : ", at " + p.pointLabel()
                    + (p.points() > 1 ? " (the worst of " + p.points() + " points beyond the limit)" : "")), p.hint());
        }
        pending.clear();
    }

    private record Pending(Span span, long value, String message, String hint, String pointLabel, int points) {
        Pending withOneMorePoint() {
            return new Pending(span, value, message, hint, pointLabel, points + 1);
        }
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
