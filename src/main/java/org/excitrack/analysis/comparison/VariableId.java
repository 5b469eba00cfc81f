package org.excitrack.analysis.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.excitrack.analysis.ComputedVariables;
import org.excitrack.model.excitability.DerivedVariable;

/**
 * Names one excitability variable across recordings: QtracP's number for a numbered variable (matched by number),
 * or the name of a named extra (matched by name).
 *
 * @param number QtracP's number, empty for a named extra
 * @param name the label (numbered) or the extra's name
 */
public record VariableId(OptionalInt number, String name) {
    public VariableId {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
    }

    /** The key two recordings' variables are matched on: the number, or the extra's name. */
    String key() {
        return number.isPresent() ? "#" + number.getAsInt() : name;
    }

    /** The finite values of one recording's variables, numbered first (ascending), then extras, in order. */
    static Map<String, Entry> values(ComputedVariables variables) {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (DerivedVariable v : variables.numbered()) {
            VariableId id = new VariableId(OptionalInt.of(v.number()), v.label());
            out.put(id.key(), new Entry(id, v.value()));
        }
        variables.extras().forEach((name, value) -> {
            VariableId id = new VariableId(OptionalInt.empty(), name);
            out.put(id.key(), new Entry(id, value));
        });
        return out;
    }

    /** All variables any of the recordings has, numbered ascending first, then extras in order of appearance. */
    static List<VariableId> union(List<ComputedVariables> recordings) {
        Map<String, VariableId> numbered = new java.util.TreeMap<>();
        Map<String, VariableId> extras = new LinkedHashMap<>();
        for (ComputedVariables r : recordings) {
            for (Entry e : values(r).values()) {
                if (e.id().number().isPresent()) {
                    numbered.putIfAbsent(String.format(java.util.Locale.ROOT, "%06d", e.id().number().getAsInt()),
                            e.id());
                } else {
                    extras.putIfAbsent(e.id().name(), e.id());
                }
            }
        }
        List<VariableId> out = new ArrayList<>(numbered.values());
        out.addAll(extras.values());
        return out;
    }

    record Entry(VariableId id, double value) {
    }
}
