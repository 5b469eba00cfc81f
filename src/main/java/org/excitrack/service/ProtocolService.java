package org.excitrack.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.excitrack.device.AcquisitionUnit;
import org.excitrack.device.AcquisitionUnits;
import org.excitrack.lang.CompileContext;
import org.excitrack.lang.CompileResult;
import org.excitrack.lang.IncludeResolver;
import org.excitrack.lang.PlanEstimate;
import org.excitrack.lang.PlanSummary;
import org.excitrack.lang.ProtocolCompiler;
import org.excitrack.lang.SourceFile;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.transport.PortUriException;

/** Checks protocols (built-in or from files) against a unit's capabilities and the limits in force. */
public final class ProtocolService {

    /** A built-in protocol as the list shows it. */
    public record BuiltIn(String name, String description, long estimatedStimuli, double estimatedMinutes) {
    }

    /** The outcome of a check: a plan and its dry-run summary, or diagnostics. */
    public record Checked(CompileResult result, String summary) {
        public boolean isValid() {
            return result.isValid();
        }

        public java.util.Optional<ProtocolPlan> plan() {
            return result.plan();
        }

        /** Every diagnostic as users see it (location, line, caret, hint), or empty. */
        public String diagnostics() {
            return result.diagnostics().isEmpty() ? "" : result.renderDiagnostics();
        }
    }

    private final UnitCapabilities capabilities;
    private final SafetyLimits limits;

    /** Against the reference unit and the default nerve limits, as when no unit is connected. */
    public ProtocolService() {
        this(UnitCapabilities.referenceUnit(), SafetyLimits.nerveDefaults());
    }

    /**
     * Against the unit on {@code port}: its own capabilities and hard limits (the tighter of those and the
     * default nerve limits). The unit is only asked who it is; nothing is stimulated.
     */
    public static ProtocolService forUnit(String port) {
        try (AcquisitionUnit unit = AcquisitionUnits.open(port)) {
            return new ProtocolService(unit.capabilities(), SafetyLimits.nerveDefaults());
        } catch (PortUriException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
    }

    public ProtocolService(UnitCapabilities capabilities, SafetyLimits limits) {
        this.capabilities = capabilities;
        this.limits = limits.tighterOf(capabilities.hardLimits());
    }

    /** @param fileOrName a built-in protocol's name, or a path to a .exc file */
    public Checked check(String fileOrName, Map<String, String> overrides) {
        SourceFile source;
        IncludeResolver includes;
        var builtIn = ProtocolSources.builtInName(fileOrName);
        if (builtIn.isPresent()) {
            source = ProtocolSources.builtIn(builtIn.get());
            includes = ProtocolSources.builtInIncludes();
        } else {
            Path path = Path.of(fileOrName);
            source = ProtocolSources.file(path);
            includes = ProtocolSources.fileIncludes(path);
        }
        CompileResult result = ProtocolCompiler.compile(source, new CompileContext(capabilities, limits, overrides,
                includes));
        return new Checked(result, result.plan().map(PlanSummary::render).orElse(""));
    }

    /**
     * Compiles protocol text kept elsewhere (a recording keeps the source it ran): a built-in protocol by its name,
     * any other text as written, with includes from the built-in library.
     */
    public Checked checkText(String name, String text) {
        var builtIn = ProtocolSources.builtInName(name);
        if (builtIn.isPresent() && ProtocolSources.builtIn(builtIn.get()).text().equals(text)) {
            return check(builtIn.get(), Map.of());
        }
        CompileResult result = ProtocolCompiler.compile(SourceFile.of(name, text), new CompileContext(capabilities,
                limits, Map.of(), ProtocolSources.builtInIncludes()));
        return new Checked(result, result.plan().map(PlanSummary::render).orElse(""));
    }

    public List<BuiltIn> builtIns() {
        List<BuiltIn> out = new ArrayList<>();
        for (String name : ProtocolSources.BUILT_IN) {
            ProtocolPlan plan = check(name, Map.of()).result().plan().orElseThrow(() ->
                    new IllegalStateException("built-in protocol " + name + " does not compile"));
            long stimuli = plan.sections().stream().mapToLong(s -> PlanEstimate.stimuli(s.steps(), plan.acquisition())).sum();
            out.add(new BuiltIn(name, plan.description(), stimuli, PlanEstimate.minutes(stimuli, plan.acquisition())));
        }
        return out;
    }
}
