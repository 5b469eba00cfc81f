package org.excitrack.gui.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The protocol's parameters as the technician types them, {@code target=30%, width=0.5ms}: the same
 * {@code name=value} pairs as {@code excitrack check --set}, separated by commas, semicolons or new lines.
 */
final class Overrides {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Overrides() {
    }

    /** The pairs, in the order typed. */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[,;\\n]")) {
            String pair = part.strip();
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("\"" + pair + "\" is not name=value, e.g. target=30%");
            }
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("\"" + name + "\" is not a parameter name");
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException(name + " has no value");
            }
            if (out.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        return out;
    }

    /** Why {@code text} cannot be used, or empty. */
    static String error(String text) {
        try {
            parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
