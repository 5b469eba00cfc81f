package org.excitrack.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.excitrack.model.excitability.DerivedVariable;

/**
 * The variables {@link ExcitabilityVariables#compute} derived from one recording.
 *
 * @param numbered QtracP-numbered variables in ascending number; a variable whose data are missing is absent
 * @param extras the named extras QtracP writes under EXTRA VARIABLES (e.g. "TEd20(10-20ms)"), in order
 */
public record ComputedVariables(List<DerivedVariable> numbered, Map<String, Double> extras) {
    public ComputedVariables {
        numbered = List.copyOf(numbered);
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** The value of variable {@code number}, if computed. */
    public OptionalDouble value(int number) {
        return numbered.stream().filter(v -> v.number() == number).mapToDouble(DerivedVariable::value).findFirst();
    }

    /** The value of the named extra, if computed. */
    public OptionalDouble extra(String name) {
        Double v = extras.get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
