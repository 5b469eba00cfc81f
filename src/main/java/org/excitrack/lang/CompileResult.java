package org.excitrack.lang;

import java.util.List;
import java.util.Optional;
import org.excitrack.model.plan.ProtocolPlan;

/** A plan when the protocol is valid, and every diagnostic either way (warnings do not stop a plan). */
public record CompileResult(Optional<ProtocolPlan> plan, List<Diagnostic> diagnostics) {
    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean isValid() {
        return plan.isPresent();
    }

    public String renderDiagnostics() {
        StringBuilder b = new StringBuilder();
        diagnostics.forEach(d -> b.append(d.render()));
        long errors = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
        if (errors > 0) {
            b.append(errors).append(errors == 1 ? " error" : " errors").append('\n');
        }
        return b.toString();
    }
}
