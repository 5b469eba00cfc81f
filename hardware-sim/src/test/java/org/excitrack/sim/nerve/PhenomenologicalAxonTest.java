package org.excitrack.sim.nerve;

import static org.assertj.core.api.Assertions.assertThat;

import org.excitrack.analysis.ComputedVariables;
import org.junit.jupiter.api.Test;

class PhenomenologicalAxonTest {
    private final PhenomenologicalAxon healthy = new PhenomenologicalAxon(PhenomenologicalParameters.healthy());

    @Test
    void print() {
        ComputedVariables v = NormativeTargets.variablesOf(healthy);
        NormativeTargets.HEALTHY.forEach((n, t) -> System.out.printf("%d %s %.3f target %.3f ± %.3f %s%n", n,
                org.excitrack.analysis.ExcitabilityVariables.LABELS.get(n), v.value(n).orElse(Double.NaN), t.mean(), t.sd(),
                t.holds(v.value(n).orElse(Double.NaN)) ? "" : "  <-- OUT"));
        v.numbered().forEach(d -> System.out.println(d));
    }
}
