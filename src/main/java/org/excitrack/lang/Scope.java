package org.excitrack.lang;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Names in force: parameters at the top, loop variables nested inside. Immutable; binding returns a child. */
final class Scope {
    private final Scope parent;
    private final Map<String, Value> values;

    private Scope(Scope parent, Map<String, Value> values) {
        this.parent = parent;
        this.values = values;
    }

    static Scope root(Map<String, Value> parameters) {
        return new Scope(null, new HashMap<>(parameters));
    }

    Scope bind(String name, Value value) {
        Map<String, Value> m = new HashMap<>();
        m.put(name, value);
        return new Scope(this, m);
    }

    Optional<Value> lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Value v = s.values.get(name);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    java.util.Set<String> names() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Scope s = this; s != null; s = s.parent) {
            out.addAll(s.values.keySet());
        }
        return out;
    }
}
