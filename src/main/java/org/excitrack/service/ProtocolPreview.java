package org.excitrack.service;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.excitrack.lang.PlanEstimate;
import org.excitrack.lang.SourceFile;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.model.plan.MagneticSteps;
import org.excitrack.model.plan.ProtocolPlan;

/**
 * A protocol as the GUI's Protocol step shows it before a run: its source, every diagnostic the checker gives
 * against the connected unit, and, when valid, the dry run's estimate and whether it needs a magnetic stimulator.
 * The same check {@code excitrack check} prints.
 */
public final class ProtocolPreview {
    /** What a valid plan will take. */
    public record Estimate(int sections, long stimuli, double minutes) {
    }

    /**
     * @param protocol what was asked for: a built-in's name or a file's path
     * @param name the protocol's own name (its {@code protocol "…"} line) when valid, else {@code protocol}
     * @param diagnostics every error and warning, rendered as the CLI prints them (location, line, caret, hint)
     * @param summary the compiled plan's dry-run summary; empty when invalid
     * @param estimate sections, stimuli and minutes; empty when invalid
     * @param magnetic whether the plan gives magnetic stimuli (a TMS protocol)
     */
    public record Preview(String protocol, String name, String sourceText, boolean valid, String diagnostics,
                          String summary, Optional<Estimate> estimate, boolean magnetic) {
        public Preview {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(sourceText, "sourceText");
            Objects.requireNonNull(estimate, "estimate");
        }
    }

    private final ProtocolService protocols;

    /** @param capabilities the connected unit's; the reference unit's when none is connected */
    public ProtocolPreview(UnitCapabilities capabilities) {
        this.protocols = new ProtocolService(capabilities, SafetyLimits.nerveDefaults());
    }

    public java.util.List<ProtocolService.BuiltIn> builtIns() {
        return protocols.builtIns();
    }

    /**
     * @param protocol a built-in protocol's name or a {@code .exc} file's path
     * @throws InvalidRequestException when the file is missing, too large or not text
     */
    public Preview check(String protocol, Map<String, String> overrides) {
        String source = sourceOf(protocol).text();
        ProtocolService.Checked checked = protocols.check(protocol, overrides);
        Optional<ProtocolPlan> plan = checked.plan();
        return new Preview(protocol, plan.map(ProtocolPlan::name).orElse(protocol), source, checked.isValid(),
                checked.diagnostics(), checked.summary(), plan.map(ProtocolPreview::estimate),
                plan.map(MagneticSteps::any).orElse(false));
    }

    private static SourceFile sourceOf(String protocol) {
        return ProtocolSources.builtInName(protocol).map(ProtocolSources::builtIn)
                .orElseGet(() -> ProtocolSources.file(Path.of(protocol)));
    }

    private static Estimate estimate(ProtocolPlan plan) {
        long stimuli = plan.sections().stream().mapToLong(s -> PlanEstimate.stimuli(s.steps(), plan.acquisition()))
                .sum();
        return new Estimate(plan.sections().size(), stimuli, PlanEstimate.minutes(stimuli, plan.acquisition()));
    }
}
