package org.excitrack.lang;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.excitrack.model.Polarity;
import org.excitrack.model.plan.AcquisitionPlan;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.plan.StimulusElement;
import org.excitrack.model.plan.TrackedPoint;

/** Compiles a track block: validates its channels, expands its points, and checks each point's worst case. */
final class TrackCompiler {
    private final ConstantEvaluator eval;
    private final ListEvaluator lists;
    private final SafetyCheck safety;
    private final List<Diagnostic> diagnostics;
    /** Names of magnetic thresholds measured earlier (motor thresholds), usable as {@code of threshold "RMT"}. */
    private final Set<String> motorThresholds = new LinkedHashSet<>();

    TrackCompiler(ConstantEvaluator eval, SafetyCheck safety, List<Diagnostic> diagnostics) {
        this.eval = eval;
        this.lists = new ListEvaluator(eval);
        this.safety = safety;
        this.diagnostics = diagnostics;
    }

    void motorThresholdMeasured(String name) {
        motorThresholds.add(name);
    }

    PlanStep.Track compile(Ast.Track track, Scope scope, AcquisitionPlan acquisition) {
        List<String> tracked = validateChannels(track);
        return new PlanStep.Track(PlanStep.TrackMode.valueOf(track.mode().name()),
                points(track, scope, acquisition, tracked));
    }

    /** A measure block: its channels, all untracked, at each point of its step. */
    PlanStep.Measure compileMeasure(Ast.Measure measure, int repetitions, Scope scope, AcquisitionPlan acquisition) {
        List<Ast.Channel> channels = new ArrayList<>();
        for (Ast.Channel c : measure.channels()) {
            if (c.elements().stream().anyMatch(e -> e instanceof Ast.Test || e instanceof Ast.MagneticTest)) {
                error(c.span(), "channel \"" + c.name() + "\" of a measure block has a tracked test stimulus",
                        "a measure block gives fixed stimuli, e.g. magnetic 120 % of threshold \"RMT\"");
            }
            if (c.elements().isEmpty()) {
                error(c.span(), "channel \"" + c.name() + "\" delivers nothing", null);
            }
            checkMagneticOutputs(c);
            channels.add(new Ast.Channel(c.name(), false, c.elements(), c.complete(), c.span()));
        }
        if (channels.isEmpty()) {
            error(measure.span(), "a measure block needs at least one channel", null);
        }
        Ast.Track asTrack = new Ast.Track(Ast.TrackMode.SINGLE, channels, measure.step(), measure.span());
        return new PlanStep.Measure(repetitions, points(asTrack, scope, acquisition, List.of()));
    }

    private List<TrackedPoint> points(Ast.Track track, Scope scope, AcquisitionPlan acquisition, List<String> tracked) {
        List<TrackedPoint> points = new ArrayList<>();
        try {
            if (track.step().isEmpty()) {
                points.add(point("", track, scope, acquisition, tracked));
            } else {
                Ast.Step step = track.step().get();
                for (Value v : lists.expand(step.values(), scope)) {
                    points.add(point(step.variable() + " = " + v.display(), track, scope.bind(step.variable(), v),
                            acquisition, tracked));
                }
            }
        } finally {
            safety.endOfTrack();
        }
        return points;
    }

    /** Channel rules that do not depend on values; returns the tracked channels' names in order. */
    private List<String> validateChannels(Ast.Track track) {
        Set<String> names = new HashSet<>();
        List<String> tracked = new ArrayList<>();
        for (Ast.Channel c : track.channels()) {
            if (!names.add(c.name())) {
                error(c.span(), "channel \"" + c.name() + "\" is defined twice in this track block", null);
            }
            if (c.tracked()) {
                tracked.add(c.name());
            }
            if (!c.complete()) {
                continue;
            }
            long nerveTests = c.elements().stream().filter(e -> e instanceof Ast.Test).count();
            long magneticTests = c.elements().stream().filter(e -> e instanceof Ast.MagneticTest).count();
            long tests = nerveTests + magneticTests;
            if (nerveTests > 0 && magneticTests > 0) {
                error(c.span(), "channel \"" + c.name() + "\" tracks both a nerve 'test' and a 'magnetic test'",
                        "track one kind of stimulus per channel");
            }
            if (c.tracked() && tests != 1) {
                error(c.span(), "tracked channel \"" + c.name() + "\" needs exactly one 'test' pulse, it has " + tests,
                        tests == 0 ? "add 'test width 1 ms', or mark the channel 'untracked'" : null);
            }
            if (!c.tracked() && tests > 0) {
                error(c.span(), "untracked channel \"" + c.name() + "\" cannot have a 'test' pulse",
                        "use 'pulse' for the stimuli it delivers");
            }
            if (c.elements().isEmpty()) {
                error(c.span(), "channel \"" + c.name() + "\" delivers nothing", null);
            }
            checkMagneticOutputs(c);
        }
        if (track.channels().isEmpty()) {
            error(track.span(), "a track block needs at least one channel", "add channel \"test\" { test width 1 ms }");
        } else if (track.mode() == Ast.TrackMode.SINGLE && tracked.size() != 1) {
            error(track.span(), "a plain track block tracks one channel; this one has " + tracked.size(),
                    "write 'track serial' or 'track parallel' to interleave several");
        } else if (track.mode() != Ast.TrackMode.SINGLE && tracked.size() < 2) {
            error(track.span(), "'track " + track.mode().name().toLowerCase(java.util.Locale.ROOT)
                    + "' interleaves at least two tracked channels; this one has " + tracked.size(),
                    "write a plain 'track' block to track one channel");
        }
        return tracked;
    }

    private TrackedPoint point(String label, Ast.Track track, Scope scope, AcquisitionPlan acquisition,
                               List<String> tracked) {
        List<ChannelPlan> channels = new ArrayList<>();
        for (Ast.Channel c : track.channels()) {
            List<StimulusElement> elements = new ArrayList<>();
            List<Span> spans = new ArrayList<>();
            for (Ast.Element e : c.elements()) {
                try {
                    elements.add(element(e, c, scope, acquisition, tracked));
                    spans.add(e.span());
                } catch (ConstantEvaluator.Failed f) {
                    // reported; the rest of the channel is still checked
                }
            }
            channels.add(new ChannelPlan(c.name(), c.tracked(), elements));
            safety.checkChannel(c, elements, spans, acquisition, label);
        }
        return new TrackedPoint(label, channels);
    }

    private StimulusElement element(Ast.Element e, Ast.Channel channel, Scope scope, AcquisitionPlan acquisition,
                                    List<String> tracked) {
        if (e instanceof Ast.MagneticTest m) {
            return new StimulusElement.MagneticTest(onset(m.at(), scope));
        }
        if (e instanceof Ast.Magnetic m) {
            return new StimulusElement.MagneticPulse(onset(m.at(), scope),
                    magneticAmplitude(m.amplitude(), channel, scope, acquisition, tracked));
        }
        if (e instanceof Ast.Test t) {
            long width = t.width().map(w -> safety.width(w, scope, "test pulse width"))
                    .orElse(acquisition.testWidthMicros());
            return new StimulusElement.TestPulse(onset(t.at(), scope), width);
        }
        if (e instanceof Ast.Pulse p) {
            long width = safety.width(p.width(), scope, "pulse width");
            Polarity polarity = p.polarity().map(s -> s.equals("anodal") ? Polarity.ANODAL : Polarity.CATHODAL)
                    .orElse(Polarity.CATHODAL);
            StimulusElement.Amplitude amplitude = amplitude(p.amplitude(), channel, scope, tracked);
            if (amplitude instanceof StimulusElement.Nanoamps n && n.nanoamps() < 0
                    || amplitude instanceof StimulusElement.PercentOfThreshold t && t.percent() < 0) {
                throw eval.fail(p.amplitude().span(), "a pulse amplitude cannot be negative",
                        "write 'pulse anodal …' for the other direction");
            }
            return new StimulusElement.FixedPulse(onset(p.at(), scope), width, amplitude, polarity);
        }
        Ast.Polarizing pz = (Ast.Polarizing) e;
        long duration = Math.round(eval.expect(pz.duration(), scope, Unit.Dimension.TIME, "the polarizing duration").base());
        if (duration <= 0) {
            throw eval.fail(pz.duration().span(), "the polarizing duration must be above zero", null);
        }
        if (pz.amplitude() instanceof Ast.Supramaximal s) {
            throw eval.fail(s.span(), "a polarizing current cannot be supramaximal",
                    "give a percentage of threshold or a current");
        }
        return new StimulusElement.PolarizingCurrent(onset(pz.at(), scope), duration,
                amplitude(pz.amplitude(), channel, scope, tracked));
    }

    private StimulusElement.Amplitude amplitude(Ast.Amplitude a, Ast.Channel channel, Scope scope, List<String> tracked) {
        if (a instanceof Ast.Supramaximal) {
            return new StimulusElement.Supramaximal();
        }
        if (a instanceof Ast.OfThreshold t) {
            double percent = eval.expect(t.percent(), scope, Unit.Dimension.PERCENT, "the share of threshold").base();
            String reference = t.channel().orElseGet(() -> tracked.isEmpty() ? "" : tracked.get(0));
            if (!tracked.contains(reference)) {
                throw eval.fail(t.span(), t.channel().isPresent()
                        ? "no tracked channel \"" + reference + "\" in this track block"
                        : "'of threshold' needs a tracked channel in this block",
                        t.channel().map(c -> Suggestions.didYouMean(c, tracked)).orElse(null));
            }
            if (reference.equals(channel.name())) {
                throw eval.fail(t.span(), "channel \"" + channel.name() + "\" cannot be conditioned on its own threshold",
                        "name the reference channel, e.g. of threshold \"control\"");
            }
            return new StimulusElement.PercentOfThreshold(reference, percent);
        }
        Ast.Absolute abs = (Ast.Absolute) a;
        Value v = eval.eval(abs.current(), scope);
        if (v.dimension() == Unit.Dimension.PERCENT) {
            throw eval.fail(abs.span(), "'" + v.display() + "' of what?", "write '" + v.display() + " of threshold'");
        }
        v = eval.expect(abs.current(), scope, Unit.Dimension.CURRENT, "the amplitude");
        return new StimulusElement.Nanoamps(Math.round(v.base()));
    }

    /**
     * A fixed output must lie within 'maximum intensity'; a share of a threshold is bounded at run time, where
     * the session refuses a pulse that would exceed it (thresholds are not known when the protocol is checked).
     */
    private StimulusElement.Amplitude magneticAmplitude(Ast.Amplitude a, Ast.Channel channel, Scope scope,
                                                        AcquisitionPlan acquisition, List<String> tracked) {
        if (a instanceof Ast.Supramaximal s) {
            throw eval.fail(s.span(), "a magnetic pulse cannot be supramaximal",
                    "give an output, e.g. magnetic 50 %MSO, or a share of a threshold, e.g. 70 % of threshold \"RMT\"");
        }
        if (a instanceof Ast.OfThreshold t) {
            double percent = eval.expect(t.percent(), scope, Unit.Dimension.PERCENT, "the share of threshold").base();
            if (percent <= 0) {
                throw eval.fail(t.percent().span(), "a magnetic pulse's share of threshold must be above 0 %", null);
            }
            if (t.channel().isEmpty()) {
                throw eval.fail(t.span(), "name the threshold a magnetic pulse is a share of",
                        "e.g. magnetic 70 % of threshold \"RMT\"");
            }
            String reference = t.channel().get();
            if (!motorThresholds.contains(reference) && !tracked.contains(reference)) {
                List<String> known = new ArrayList<>(motorThresholds);
                known.addAll(tracked);
                throw eval.fail(t.span(), "no motor threshold or tracked channel \"" + reference + "\" before this pulse",
                        known.isEmpty() ? "measure one first, e.g. motor threshold \"RMT\""
                                : Suggestions.didYouMean(reference, known));
            }
            if (reference.equals(channel.name())) {
                throw eval.fail(t.span(), "channel \"" + channel.name() + "\" cannot be conditioned on its own threshold",
                        null);
            }
            return new StimulusElement.PercentOfThreshold(reference, percent);
        }
        Ast.Absolute abs = (Ast.Absolute) a;
        Value v = eval.expect(abs.current(), scope, Unit.Dimension.STIMULATOR_OUTPUT, "the magnetic output");
        if (v.base() <= 0 || v.base() > acquisition.magnetic().maxIntensityPercentMso()) {
            throw eval.fail(abs.span(), "a magnetic output of " + v.display() + " is outside 1 %MSO to the maximum "
                    + "intensity, " + acquisition.magnetic().maxIntensityPercentMso() + " %MSO", v.base() > 0
                    ? "lower it, or raise 'maximum intensity' in settings if that is safe" : null);
        }
        return new StimulusElement.PercentMso(v.base());
    }

    private long onset(Optional<Ast.Expr> at, Scope scope) {
        if (at.isEmpty()) {
            return 0;
        }
        double v = eval.expect(at.get(), scope, Unit.Dimension.TIME, "the onset").base();
        if (v < 0) {
            throw eval.fail(at.get().span(), "onset " + new Value(v, Unit.Dimension.TIME).display()
                    + " is before the channel's time zero", "times count from 0 ms");
        }
        return Math.round(v);
    }

    /** A stimulator has at most two outputs (conditioning A, test B), so a channel gives at most two magnetic pulses. */
    private void checkMagneticOutputs(Ast.Channel c) {
        long magnetic = c.elements().stream()
                .filter(e -> e instanceof Ast.Magnetic || e instanceof Ast.MagneticTest).count();
        if (magnetic > 2) {
            error(c.span(), "channel \"" + c.name() + "\" gives " + magnetic + " magnetic pulses; a stimulator has at "
                    + "most two outputs (conditioning and test)", null);
        }
    }

    private void error(Span span, String message, String hint) {
        diagnostics.add(hint == null ? Diagnostic.error(span, message) : Diagnostic.error(span, message, hint));
    }

    static Set<String> trackedChannelNames(Ast.Track track) {
        Set<String> out = new LinkedHashSet<>();
        track.channels().stream().filter(Ast.Channel::tracked).forEach(c -> out.add(c.name()));
        return out;
    }
}
