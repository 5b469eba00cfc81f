package org.excitrack.lang;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.excitrack.model.Quantities;
import org.excitrack.model.plan.AcquisitionPlan;

/**
 * The {@code settings} blocks → the plan's acquisition settings, each with its default, its unit kind and
 * its range, checked against the unit's capabilities and the limits in force.
 */
final class SettingsCompiler {
    private final ConstantEvaluator eval;
    private final SafetyCheck safety;
    private final CompileContext context;
    private final List<Diagnostic> diagnostics;

    SettingsCompiler(ConstantEvaluator eval, SafetyCheck safety, CompileContext context, List<Diagnostic> diagnostics) {
        this.eval = eval;
        this.safety = safety;
        this.context = context;
        this.diagnostics = diagnostics;
    }

    AcquisitionPlan compile(List<Ast.Item> items, Scope scope) {
        Map<String, Ast.Setting> given = new HashMap<>();
        for (Ast.Item item : items) {
            if (item instanceof Ast.Settings s) {
                for (Ast.Setting setting : s.settings()) {
                    if (given.put(setting.key(), setting) != null) {
                        diagnostics.add(Diagnostic.error(setting.span(), "setting '" + setting.key() + "' is given twice"));
                    }
                }
            }
        }
        SettingReader r = new SettingReader(given, scope);
        int rate = (int) r.read("sample rate", Unit.Dimension.FREQUENCY, 10_000, v -> {
            if (!context.capabilities().sampleRatesHz().contains((int) Math.round(v.base()))) {
                return v.display() + " is not a sample rate of this unit; it offers "
                        + context.capabilities().sampleRatesHz().stream().map(h -> new Value(h, Unit.Dimension.FREQUENCY).display())
                        .reduce((a, b) -> a + ", " + b).orElse("none");
            }
            return null;
        });
        long window = Math.round(r.read("window", Unit.Dimension.TIME, 30_000, v -> {
            long samples = Math.round(v.base()) * rate / 1_000_000L;
            if (v.base() < 5_000) {
                return "a window of " + v.display() + " is too short to record a response (at least 5 ms)";
            }
            return samples > context.capabilities().maxSamplesPerChannel() ? "a window of " + v.display() + " needs "
                    + samples + " samples per channel; the unit records at most "
                    + context.capabilities().maxSamplesPerChannel() : null;
        }));
        long interval = Math.round(r.read("interval", Unit.Dimension.TIME, 1_000_000, v ->
                v.base() < context.limits().minTrialIntervalMicros() ? "an interval of " + v.display()
                        + " is shorter than the limit of " + Quantities.format(context.limits().minTrialIntervalMicros(), "µs")
                        + " between stimuli" : null));
        AcquisitionPlan.Target target = target(given.get("target"), scope);
        int minStimuli = (int) r.read("stimuli per point", Unit.Dimension.NUMBER, 3,
                v -> v.base() != Math.rint(v.base()) || v.base() < 1 || v.base() > 100
                        ? "stimuli per point must be whole numbers from 1 to 100" : null);
        int maxStimuli = given.containsKey("stimuli per point") && given.get("stimuli per point").upper().isPresent()
                ? r.readUpper("stimuli per point", minStimuli) : 12;
        double precision = r.read("precision", Unit.Dimension.PERCENT, 2,
                v -> v.base() < 0.1 || v.base() > 50 ? "precision must lie between 0.1 % and 50 %" : null);
        long maxStimulus = Math.round(r.read("maximum stimulus", Unit.Dimension.CURRENT,
                Math.min(50_000_000, context.limits().maxPulseCurrentNanoamps()), v -> {
                    if (v.base() > context.limits().maxPulseCurrentNanoamps()) {
                        return "maximum stimulus " + v.display() + " is above the pulse-current limit of "
                                + Quantities.milliamps(context.limits().maxPulseCurrentNanoamps());
                    }
                    return v.base() > context.capabilities().maxCurrentNanoamps() ? "maximum stimulus " + v.display()
                            + " is more than the unit can deliver" : null;
                }));
        long maxThreshold = Math.round(r.read("maximum threshold", Unit.Dimension.CURRENT,
                Math.min(10_000_000, maxStimulus), v -> v.base() > maxStimulus ? "maximum threshold " + v.display()
                        + " is above the maximum stimulus of " + Quantities.milliamps(maxStimulus) : null));
        double supramaximal = r.read("supramaximal", Unit.Dimension.PERCENT, 150,
                v -> v.base() < 100 || v.base() > 300 ? "supramaximal must be 100 % to 300 % of the stimulus that "
                        + "gave the maximal response" : null);
        long testWidth = given.containsKey("test width") ? r.width("test width") : 1_000;
        return new AcquisitionPlan(rate, window, interval, target, minStimuli, maxStimuli, precision, maxStimulus,
                maxThreshold, supramaximal, testWidth, magnetic(r, given));
    }

    private AcquisitionPlan.Magnetic magnetic(SettingReader r, Map<String, Ast.Setting> given) {
        AcquisitionPlan.Magnetic d = AcquisitionPlan.Magnetic.DEFAULTS;
        int maxIntensity = (int) r.read("maximum intensity", Unit.Dimension.STIMULATOR_OUTPUT, d.maxIntensityPercentMso(),
                v -> v.base() != Math.rint(v.base()) || v.base() < 1 || v.base() > 100
                        ? "maximum intensity must be a whole %MSO from 1 %MSO to 100 %MSO, not " + v.display() : null);
        double windowStart = r.read("MEP window", Unit.Dimension.TIME, d.mepWindowStartMicros(),
                v -> v.base() < 0 ? "the MEP window cannot start before the test pulse" : null);
        double windowEnd = r.readRangeEnd("MEP window", Unit.Dimension.TIME, d.mepWindowEndMicros(), windowStart,
                "the MEP window must end after it starts");
        double emgMin = r.read("background EMG", Unit.Dimension.VOLTAGE, d.backgroundEmgMinMicrovolts(),
                v -> v.base() < 0 ? "background EMG cannot be negative" : null);
        double emgMax = r.readRangeEnd("background EMG", Unit.Dimension.VOLTAGE, d.backgroundEmgMaxMicrovolts(), emgMin,
                "the most background EMG must be above the least");
        return new AcquisitionPlan.Magnetic(maxIntensity, Math.round(windowStart), Math.round(windowEnd), emgMin, emgMax);
    }

    private AcquisitionPlan.Target target(Ast.Setting setting, Scope scope) {
        if (setting == null) {
            return new AcquisitionPlan.PercentOfMaximal(40);
        }
        try {
            Value v = eval.eval(setting.value(), scope);
            if (v.dimension() == Unit.Dimension.PERCENT) {
                if (!setting.ofMaximalResponse()) {
                    throw eval.fail(setting.span(), "a target of " + v.display() + " of what?",
                            "write 'target " + v.display() + " of maximal response'");
                }
                if (v.base() <= 0 || v.base() >= 100) {
                    throw eval.fail(setting.value().span(), "a target must lie between 0 % and 100 % of the maximal "
                            + "response, not " + v.display(), null);
                }
                return new AcquisitionPlan.PercentOfMaximal(v.base());
            }
            Value volts = eval.expect(setting.value(), scope, Unit.Dimension.VOLTAGE, "the target");
            if (volts.base() <= 0) {
                throw eval.fail(setting.value().span(), "the target response must be above zero", null);
            }
            return new AcquisitionPlan.Microvolts(volts.base());
        } catch (ConstantEvaluator.Failed f) {
            return new AcquisitionPlan.PercentOfMaximal(40);
        }
    }

    /** Reads one setting with its default, reporting a wrong unit or an out-of-range value at the setting. */
    private final class SettingReader {
        private final Map<String, Ast.Setting> given;
        private final Scope scope;

        SettingReader(Map<String, Ast.Setting> given, Scope scope) {
            this.given = given;
            this.scope = scope;
        }

        double read(String key, Unit.Dimension dimension, double fallback,
                    java.util.function.Function<Value, String> problem) {
            Ast.Setting s = given.get(key);
            if (s == null) {
                return fallback;
            }
            try {
                Value v = eval.expect(s.value(), scope, dimension, "'" + key + "'");
                String p = problem.apply(v);
                if (p != null) {
                    throw eval.fail(s.value().span(), p, null);
                }
                return v.base();
            } catch (ConstantEvaluator.Failed f) {
                return fallback;
            }
        }

        /** The value after 'to' of a range setting, which must be above {@code lower}. */
        double readRangeEnd(String key, Unit.Dimension dimension, double fallback, double lower, String problem) {
            Ast.Setting s = given.get(key);
            if (s == null || s.upper().isEmpty()) {
                return fallback;
            }
            try {
                Value v = eval.expect(s.upper().get(), scope, dimension, "the end of '" + key + "'");
                if (v.base() <= lower) {
                    throw eval.fail(s.upper().get().span(), problem + " (" + v.display() + ")", null);
                }
                return v.base();
            } catch (ConstantEvaluator.Failed f) {
                return fallback;
            }
        }

        int readUpper(String key, int min) {
            Ast.Setting s = given.get(key);
            try {
                int max = eval.expectCount(s.upper().orElseThrow(), scope, "the most stimuli per point", 1, 100);
                if (max < min) {
                    throw eval.fail(s.upper().get().span(), "the most stimuli per point (" + max
                            + ") is fewer than the least (" + min + ")", null);
                }
                return max;
            } catch (ConstantEvaluator.Failed f) {
                return Math.max(min, 12);
            }
        }

        long width(String key) {
            try {
                return safety.width(given.get(key).value(), scope, "'" + key + "'");
            } catch (ConstantEvaluator.Failed f) {
                return 1_000;
            }
        }
    }
}
