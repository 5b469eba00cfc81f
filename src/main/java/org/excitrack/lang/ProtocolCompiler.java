package org.excitrack.lang;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.excitrack.model.plan.AcquisitionPlan;
import org.excitrack.model.plan.PlanSection;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.plan.ProtocolPlan;

/**
 * Protocol source → checked plan. Reports every problem it can find in one pass: syntax, names, units,
 * ranges, device capabilities and worst-case safety. Pure: includes come through the context's resolver.
 */
public final class ProtocolCompiler {
    static final int MAX_INCLUDE_DEPTH = 8;
    /** Includes in one compile, repeats counted: files that each include the next several times grow exponentially. */
    static final int MAX_INCLUDES = 100;
    static final int MAX_STEPS = 100_000;
    private static final int MAX_REPEAT = 20;
    private static final int MAX_MEASURE = 100;
    /** The IFCN relative-frequency criterion's MEP, the default motor-threshold target (Rossini 2015). */
    private static final double DEFAULT_MOTOR_THRESHOLD_MICROVOLTS = 50;

    private final CompileContext context;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final ConstantEvaluator eval;
    private final SafetyCheck safety;
    private final TrackCompiler tracks;
    private final Map<String, Unit> inputs = new LinkedHashMap<>();
    private final Set<String> thresholdChannels = new LinkedHashSet<>();
    private final List<SourceFile> sources = new ArrayList<>();
    private int steps;
    /** A stimulus-response curve that always runs has come before (not one inside 'if' or 'repeat'). */
    private boolean maximalResponseKnown;
    private int conditionalDepth;
    /** How many statement lists enclose the statement being compiled: 1 directly in a section. */
    private int depth;
    private int includes;

    private ProtocolCompiler(CompileContext context) {
        this.context = context;
        this.eval = new ConstantEvaluator(diagnostics, inputs.keySet());
        this.safety = new SafetyCheck(eval, context.capabilities(), context.limits(), diagnostics);
        this.tracks = new TrackCompiler(eval, safety, diagnostics);
    }

    public static CompileResult compile(SourceFile source, CompileContext context) {
        return new ProtocolCompiler(context).run(source);
    }

    private CompileResult run(SourceFile source) {
        List<Ast.Item> items = new ArrayList<>();
        collect(source, items, 0, new LinkedHashSet<>());
        Map<String, String> meta = meta(items, source);
        Map<String, String> shownParameters = new LinkedHashMap<>();
        Scope scope = Scope.root(parameters(items, shownParameters));
        AcquisitionPlan acquisition = new SettingsCompiler(eval, safety, context, diagnostics).compile(items, scope);
        List<PlanSection> sections = new ArrayList<>();
        for (Ast.Item item : items) {
            if (item instanceof Ast.Section s) {
                Optional<org.excitrack.model.plan.EmgBand> band = sectionBand(s, scope);
                List<PlanStep> body = statements(s.body(), scope, acquisition);
                band.ifPresent(b -> requireMagnetic(s, body));
                sections.add(new PlanSection(s.name(), body, band));
            }
        }
        if (sections.isEmpty() && diagnostics.isEmpty()) {
            diagnostics.add(Diagnostic.error(new Span(source, 0, 0), "the protocol has no sections",
                    "add section \"…\" { … }"));
        }
        boolean valid = diagnostics.stream().noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
        Optional<ProtocolPlan> plan = valid ? Optional.of(new ProtocolPlan(meta.get("protocol"),
                meta.getOrDefault("version", ""), meta.getOrDefault("author", ""),
                meta.getOrDefault("description", ""), hash(), shownParameters, acquisition, sections))
                : Optional.empty();
        diagnostics.sort(java.util.Comparator.comparing((Diagnostic d) -> d.span().source().name().equals(source.name()) ? 0 : 1)
                .thenComparing(d -> d.span().source().name()).thenComparingInt(d -> d.span().start()));
        return new CompileResult(plan, distinct(diagnostics));
    }

    /** A track repeats its elements at every point; a problem with an element is reported once. */
    private static List<Diagnostic> distinct(List<Diagnostic> all) {
        Set<String> seen = new java.util.HashSet<>();
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : all) {
            if (seen.add(d.span().source().name() + "|" + d.span().start() + "|" + d.message())) {
                out.add(d);
            }
        }
        return out;
    }

    // ---- files ---------------------------------------------------------------------------------------------

    private void collect(SourceFile source, List<Ast.Item> into, int depth, Set<String> chain) {
        sources.add(source);
        chain.add(source.name());
        Ast.ProtocolFile file = Parser.parse(source, diagnostics);
        for (Ast.Item item : file.items()) {
            if (item instanceof Ast.Include inc) {
                include(inc, source, into, depth, chain);
            } else if (depth > 0 && item instanceof Ast.Meta m) {
                diagnostics.add(Diagnostic.warning(m.span(), "'" + m.key() + "' in an included file is ignored"));
            } else {
                into.add(item);
            }
        }
        chain.remove(source.name());
    }

    private void include(Ast.Include inc, SourceFile from, List<Ast.Item> into, int depth, Set<String> chain) {
        if (++includes > MAX_INCLUDES) {
            if (includes == MAX_INCLUDES + 1) {
                diagnostics.add(Diagnostic.error(inc.span(), "the protocol includes more than " + MAX_INCLUDES
                        + " files, counting each time a file is included", "include each file once"));
            }
            return;
        }
        if (depth + 1 > MAX_INCLUDE_DEPTH) {
            diagnostics.add(Diagnostic.error(inc.span(), "includes nest deeper than " + MAX_INCLUDE_DEPTH + " files"));
            return;
        }
        SourceFile included;
        try {
            included = context.includes().resolve(inc.path(), from);
        } catch (IncludeResolver.IncludeException e) {
            diagnostics.add(Diagnostic.error(inc.span(), "cannot include \"" + inc.path() + "\": " + e.getMessage()));
            return;
        }
        if (chain.contains(included.name())) {
            diagnostics.add(Diagnostic.error(inc.span(), "include cycle: " + String.join(" → ", chain) + " → "
                    + included.name(), "remove one of these includes"));
            return;
        }
        collect(included, into, depth + 1, chain);
    }

    private Map<String, String> meta(List<Ast.Item> items, SourceFile source) {
        Map<String, String> meta = new HashMap<>();
        for (Ast.Item item : items) {
            if (item instanceof Ast.Meta m && meta.put(m.key(), m.value()) != null) {
                diagnostics.add(Diagnostic.error(m.span(), "'" + m.key() + "' is given twice"));
            }
        }
        if (!meta.containsKey("protocol")) {
            diagnostics.add(Diagnostic.error(new Span(source, 0, 0), "the protocol has no name",
                    "start the file with: protocol \"Name\""));
        }
        return meta;
    }

    private String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (SourceFile s : sources) {
                sha.update(s.text().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            new java.util.TreeMap<>(context.overrides()).forEach((k, v) ->
                    sha.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    // ---- parameters and settings ---------------------------------------------------------------------------

    /**
     * Evaluates the parameters in the order they are declared, each from its override when the run sets one,
     * so that a parameter computed from another (parameter b = a * 2) follows that one's override.
     */
    private Map<String, Value> parameters(List<Ast.Item> items, Map<String, String> shown) {
        Map<String, Ast.Parameter> declared = new LinkedHashMap<>();
        for (Ast.Item item : items) {
            if (item instanceof Ast.Parameter p && declared.putIfAbsent(p.name(), p) != null) {
                diagnostics.add(Diagnostic.error(p.span(), "parameter '" + p.name() + "' is declared twice"));
            }
        }
        Map<String, Ast.Parameter> overridden = new HashMap<>();
        for (Map.Entry<String, String> o : context.overrides().entrySet()) {
            SourceFile text = SourceFile.of("--set " + o.getKey(), "parameter " + o.getKey() + " = " + o.getValue());
            List<Ast.Item> parsed = Parser.parse(text, diagnostics).items();
            if (!declared.containsKey(o.getKey())) {
                String hint = Suggestions.didYouMean(o.getKey(), declared.keySet());
                diagnostics.add(Diagnostic.error(new Span(text, 10, 10 + o.getKey().length()), "the protocol has no "
                        + "parameter '" + o.getKey() + "'", hint != null ? hint : "its parameters: "
                        + String.join(", ", declared.keySet())));
            } else if (parsed.size() == 1 && parsed.get(0) instanceof Ast.Parameter p) {
                overridden.put(o.getKey(), p);
            }
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (Ast.Parameter p : declared.values()) {
            try {
                Value v = eval.eval(p.value(), Scope.root(values));
                Ast.Parameter o = overridden.get(p.name());
                if (o == null) {
                    values.put(p.name(), v);
                    shown.put(p.name(), v.display());
                    continue;
                }
                Value set = eval.eval(o.value(), Scope.root(values));
                if (v.dimension() != set.dimension()) {
                    throw eval.fail(o.value().span(), "'" + p.name() + "' is " + v.dimension().description()
                            + " (default " + v.display() + "), but '" + set.display() + "' is "
                            + set.dimension().description(), null);
                }
                values.put(p.name(), set);
                shown.put(p.name(), set.display() + " (set for this run)");
            } catch (ConstantEvaluator.Failed f) {
                // reported
            }
        }
        return values;
    }

    // ---- statements ----------------------------------------------------------------------------------------

    private List<PlanStep> statements(List<Ast.Stmt> body, Scope scope, AcquisitionPlan acquisition) {
        List<PlanStep> out = new ArrayList<>();
        depth++;
        try {
            for (Ast.Stmt s : body) {
                try {
                    statement(s, scope, acquisition, out);
                } catch (ConstantEvaluator.Failed f) {
                    // reported; go on with the next statement
                }
            }
        } finally {
            depth--;
        }
        return out;
    }

    /**
     * A section's own {@code background EMG MIN to MAX}: voltages, MIN ≥ 0, MAX above MIN, at most once, written
     * directly in the section (it holds for all of the section's magnetic trials, so not inside for, if or repeat).
     */
    private Optional<org.excitrack.model.plan.EmgBand> sectionBand(Ast.Section section, Scope scope) {
        Optional<org.excitrack.model.plan.EmgBand> band = Optional.empty();
        Ast.BackgroundEmg first = null;
        for (Ast.Stmt s : section.body()) {
            if (!(s instanceof Ast.BackgroundEmg b)) {
                continue;
            }
            if (first != null) {
                diagnostics.add(Diagnostic.error(b.span(), "section \"" + section.name() + "\" gives its background EMG "
                        + "twice (first at line " + first.span().line() + ")", "keep one 'background EMG MIN to MAX'"));
                continue;
            }
            first = b;
            Value min = null;
            Value max = null;
            try {
                min = eval.expect(b.min(), scope, Unit.Dimension.VOLTAGE, "the least background EMG");
                if (min.base() < 0) {
                    Value negative = min;
                    min = null;
                    throw eval.fail(b.min().span(), "background EMG cannot be negative (" + negative.display() + ")",
                            null);
                }
            } catch (ConstantEvaluator.Failed f) {
                // reported
            }
            try {
                max = eval.expect(b.max(), scope, Unit.Dimension.VOLTAGE, "the most background EMG");
                if (min != null && max.base() <= min.base()) {
                    throw eval.fail(b.max().span(), "the most background EMG must be above the least ("
                            + max.display() + " is not above " + min.display() + ")", null);
                }
            } catch (ConstantEvaluator.Failed f) {
                max = null;
            }
            if (min != null && max != null) {
                band = Optional.of(new org.excitrack.model.plan.EmgBand(min.base(), max.base()));
            }
        }
        return band;
    }

    /** A section's background EMG band is checked before magnetic trials; a section without any cannot use it. */
    private void requireMagnetic(Ast.Section section, List<PlanStep> body) {
        if (!org.excitrack.model.plan.MagneticSteps.any(body)) {
            Ast.Stmt band = section.body().stream().filter(st -> st instanceof Ast.BackgroundEmg).findFirst().orElseThrow();
            diagnostics.add(Diagnostic.error(band.span(), "section \"" + section.name() + "\" gives no magnetic "
                    + "stimuli, and its background EMG is only checked before magnetic trials",
                    "move 'background EMG' into the section that stimulates"));
        }
    }

    /**
     * Counts unrolled steps (every statement run, and every tracked point beyond a track block's first), so
     * that no protocol makes the checker do unbounded work; false, reported once, past the bound.
     */
    private boolean count(int n, Ast.Stmt s) {
        boolean within = steps <= MAX_STEPS;
        steps += n;
        if (steps > MAX_STEPS) {
            if (within) {
                diagnostics.add(Diagnostic.error(s.span(), "the protocol unrolls to more than " + MAX_STEPS + " steps",
                        "loops unroll when the protocol is checked: every statement run and every tracked point is "
                                + "a step"));
            }
            return false;
        }
        return true;
    }

    private void statement(Ast.Stmt s, Scope scope, AcquisitionPlan acquisition, List<PlanStep> out) {
        if (!count(1, s)) {
            return;
        }
        if (s instanceof Ast.Prompt p) {
            out.add(new PlanStep.Prompt(p.text()));
        } else if (s instanceof Ast.Confirm c) {
            out.add(new PlanStep.Confirm(c.text()));
        } else if (s instanceof Ast.Checklist c) {
            if (c.items().isEmpty()) {
                throw eval.fail(c.span(), "the checklist has no items", null);
            }
            out.add(new PlanStep.Checklist(c.title(), c.items()));
        } else if (s instanceof Ast.Input in) {
            Value min = eval.expect(in.min(), scope, in.unit().dimension(), "the lowest value");
            Value max = eval.expect(in.max(), scope, in.unit().dimension(), "the highest value");
            if (max.base() < min.base()) {
                throw eval.fail(in.span(), "the range " + min.display() + " to " + max.display() + " is empty", null);
            }
            if (inputs.put(in.name(), in.unit()) != null) {
                throw eval.fail(in.span(), "'" + in.name() + "' is already an input", null);
            }
            out.add(new PlanStep.Input(in.name(), in.label(), in.unit().symbol(), min.base() / in.unit().toBase(),
                    max.base() / in.unit().toBase()));
        } else if (s instanceof Ast.StimulusResponse sr) {
            long width = safety.width(sr.width(), scope, "the test pulse width");
            safety.checkStimulusResponse(sr.width().span(), width, acquisition);
            out.add(new PlanStep.StimulusResponse(width));
            maximalResponseKnown |= conditionalDepth == 0;
        } else if (s instanceof Ast.For f) {
            for (Value v : new ListEvaluator(eval).expand(f.values(), scope)) {
                out.addAll(statements(f.body(), scope.bind(f.variable(), v), acquisition));
            }
        } else if (s instanceof Ast.If i) {
            requireMaximalResponse(i.condition());
            ConditionCompiler conditions = new ConditionCompiler(eval, inputs, thresholdChannels);
            var condition = conditions.compile(i.condition(), scope);
            conditionalDepth++;
            try {
                out.add(new PlanStep.Conditional(condition, statements(i.then(), scope, acquisition),
                        statements(i.otherwise(), scope, acquisition)));
            } finally {
                conditionalDepth--;
            }
        } else if (s instanceof Ast.Repeat r) {
            int max = eval.expectCount(r.maxTimes(), scope, "the number of repetitions", 1, MAX_REPEAT);
            requireMaximalResponse(r.condition());
            var condition = new ConditionCompiler(eval, inputs, thresholdChannels).compile(r.condition(), scope);
            conditionalDepth++;
            try {
                out.add(new PlanStep.Repeat(max, condition, statements(r.body(), scope, acquisition)));
            } finally {
                conditionalDepth--;
            }
        } else if (s instanceof Ast.MotorThreshold m) {
            out.add(motorThreshold(m, scope, acquisition));
        } else if (s instanceof Ast.BackgroundEmg b) {
            if (depth > 1) {
                throw eval.fail(b.span(), "'background EMG' holds for a whole section, so it is written directly in "
                        + "the section, not inside for, if or repeat", "move it to the top of the section");
            }
            // read with the section (sectionBand)
        } else if (s instanceof Ast.Measure m) {
            int times = eval.expectCount(m.times(), scope, "the number of times each channel is given", 1, MAX_MEASURE);
            PlanStep.Measure measure = tracks.compileMeasure(m, times, scope, acquisition);
            count(measure.points().size() * times, s);
            out.add(measure);
        } else {
            Ast.Track t = (Ast.Track) s;
            requireMaximalResponse(t, acquisition);
            requireAbsoluteTargetForMagnetic(t, acquisition);
            PlanStep.Track track = tracks.compile(t, scope, acquisition);
            count(track.points().size() - 1, s);
            out.add(track);
            thresholdChannels.addAll(TrackCompiler.trackedChannelNames(t));
        }
    }

    private PlanStep.MotorThreshold motorThreshold(Ast.MotorThreshold m, Scope scope, AcquisitionPlan acquisition) {
        double target = DEFAULT_MOTOR_THRESHOLD_MICROVOLTS;
        if (m.target().isPresent()) {
            Value v = eval.expect(m.target().get(), scope, Unit.Dimension.VOLTAGE, "the motor-threshold target");
            if (v.base() <= 0) {
                throw eval.fail(m.target().get().span(), "the motor-threshold target must be above zero", null);
            }
            target = v.base();
        } else if (acquisition.target() instanceof AcquisitionPlan.Microvolts mv) {
            target = mv.microvolts();
        }
        if (thresholdChannels.contains(m.name())) {
            throw eval.fail(m.span(), "\"" + m.name() + "\" is already the name of a threshold", null);
        }
        tracks.motorThresholdMeasured(m.name());
        return new PlanStep.MotorThreshold(m.name(), m.method().orElse("excitrack"), target);
    }

    /** A magnetic test is tracked to an MEP size; there is no maximal response to take a percentage of. */
    private void requireAbsoluteTargetForMagnetic(Ast.Track t, AcquisitionPlan acquisition) {
        boolean magnetic = t.channels().stream().flatMap(c -> c.elements().stream())
                .anyMatch(e -> e instanceof Ast.MagneticTest);
        if (magnetic && !(acquisition.target() instanceof AcquisitionPlan.Microvolts)) {
            diagnostics.add(Diagnostic.error(t.span(), "tracking a magnetic test needs a target MEP size",
                    "add 'target 0.2 mV' to settings"));
        }
    }

    /**
     * A target in % of the maximal response, and supramaximal pulses, need a stimulus-response curve that is
     * sure to have run: one outside any 'if' or 'repeat', earlier in the protocol.
     */
    private void requireMaximalResponse(Ast.Track t, AcquisitionPlan acquisition) {
        boolean magnetic = t.channels().stream().flatMap(c -> c.elements().stream())
                .anyMatch(e -> e instanceof Ast.MagneticTest);
        if (maximalResponseKnown || magnetic) {
            return;
        }
        boolean supramaximal = t.channels().stream().flatMap(c -> c.elements().stream())
                .anyMatch(e -> e instanceof Ast.Pulse p && p.amplitude() instanceof Ast.Supramaximal);
        String needs = supramaximal ? "supramaximal pulses"
                : acquisition.target() instanceof AcquisitionPlan.PercentOfMaximal p
                        ? "its target, " + Value.trim(p.percent()) + " % of the maximal response," : null;
        if (needs != null) {
            diagnostics.add(Diagnostic.error(t.span(), "this track block needs the maximal response for " + needs
                    + " but no stimulus-response curve is sure to run before it",
                    "add 'stimulus response width 1 ms' in an earlier section, outside any 'if' or 'repeat'"));
        }
    }

    private void requireMaximalResponse(Ast.Expr condition) {
        Ast.Expr use = firstMaximalResponse(condition);
        if (use != null && !maximalResponseKnown) {
            throw eval.fail(use.span(), "'maximal response' is not known here: no stimulus-response curve is sure to "
                    + "run before this condition", "add 'stimulus response width 1 ms' before it, outside any 'if' or 'repeat'");
        }
    }

    private static Ast.Expr firstMaximalResponse(Ast.Expr e) {
        if (e instanceof Ast.Measured m) {
            return m.what().equals("maximal response") ? m : null;
        }
        if (e instanceof Ast.Unary u) {
            return firstMaximalResponse(u.operand());
        }
        if (e instanceof Ast.Binary b) {
            Ast.Expr left = firstMaximalResponse(b.left());
            return left != null ? left : firstMaximalResponse(b.right());
        }
        return null;
    }
}
