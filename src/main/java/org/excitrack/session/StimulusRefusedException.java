package org.excitrack.session;

import java.util.List;
import java.util.stream.Collectors;
import org.excitrack.model.LimitViolation;

/** A stimulus the session would not send because it exceeds a configured limit. Nothing was delivered. */
public final class StimulusRefusedException extends RuntimeException {
    private final List<LimitViolation> violations;

    public StimulusRefusedException(String context, List<LimitViolation> violations) {
        super("refused " + context + ": " + violations.stream().map(LimitViolation::describe)
                .collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    /** A refusal that is not about the unit's limits, e.g. a magnetic pulse above the maximum intensity. */
    public StimulusRefusedException(String reason) {
        super("refused: " + reason);
        this.violations = List.of();
    }

    public List<LimitViolation> violations() {
        return violations;
    }
}
