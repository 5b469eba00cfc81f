package org.excitrack.transport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One string that names any device: {@code serial:/dev/ttyUSB0?baud=921600}, {@code serial:COM3},
 * {@code sim:unit?seed=7&threshold=4.2mA}, {@code spy:serial:/dev/ttyUSB0} (hex-logs the traffic of the
 * inner URI). The same strings work in the CLI, the GUI, tests and configuration.
 *
 * @param scheme lower-case scheme, e.g. {@code serial}
 * @param path what follows the scheme up to {@code ?}; for {@code spy:} the whole inner URI
 * @param parameters query parameters in order of appearance (none for {@code spy:})
 */
public record PortUri(String scheme, String path, Map<String, String> parameters) {

    public PortUri {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static PortUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new PortUriException("empty port: expected a URI such as serial:/dev/ttyUSB0 or sim:unit");
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (colon <= 0) {
            throw notAPortUri(text, colon < 0 ? " (did you mean serial:" + trimmed + "?)" : "");
        }
        String scheme = trimmed.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        String rest = trimmed.substring(colon + 1);
        if (!scheme.matches("[a-z][a-z0-9+.-]*") || scheme.length() == 1) {
            throw new PortUriException("'" + text + "' has no valid scheme (did you mean serial:" + trimmed + "?)");
        }
        if (rest.isEmpty() && !scheme.equals("sim")) {
            throw notAPortUri(text, "");
        }
        if (scheme.equals("spy")) {
            parse(rest);
            return new PortUri(scheme, rest, Map.of());
        }
        int question = rest.indexOf('?');
        String path = question < 0 ? rest : rest.substring(0, question);
        Map<String, String> params = new LinkedHashMap<>();
        if (question >= 0 && question < rest.length() - 1) {
            for (String pair : rest.substring(question + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new PortUriException("parameter '" + pair + "' in '" + text + "' is not name=value");
                }
                String name = decode(pair.substring(0, eq), text);
                if (params.put(name, decode(pair.substring(eq + 1), text)) != null) {
                    throw new PortUriException("parameter '" + name + "' appears twice in '" + text + "'");
                }
            }
        }
        return new PortUri(scheme, path, params);
    }

    /** For {@code spy:}, the URI it wraps. */
    public Optional<PortUri> inner() {
        return scheme.equals("spy") ? Optional.of(parse(path)) : Optional.empty();
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** Fails with a message listing the accepted names if the URI has any other parameter. */
    public void requireOnlyParameters(Set<String> accepted) {
        for (String name : parameters.keySet()) {
            if (!accepted.contains(name)) {
                throw new PortUriException("unknown parameter '" + name + "' in " + this + "; " + scheme
                        + ": accepts " + (accepted.isEmpty() ? "no parameters" : String.join(", ", accepted)));
            }
        }
    }

    @Override
    public String toString() {
        if (scheme.equals("spy")) {
            return "spy:" + path;
        }
        StringBuilder b = new StringBuilder(scheme).append(':').append(path);
        String sep = "?";
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            b.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = "&";
        }
        return b.toString();
    }

    private static PortUriException notAPortUri(String text, String hint) {
        return new PortUriException("'" + text + "' is not a port URI: expected scheme:path, e.g. "
                + "serial:/dev/ttyUSB0, serial:COM3, sim:unit or spy:serial:/dev/ttyUSB0" + hint);
    }

    /** Decodes %XX escapes; a malformed escape is the user's typo, so it is a {@link PortUriException}. */
    private static String decode(String s, String text) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new PortUriException("'" + s + "' in '" + text + "' has a malformed %-escape: " + e.getMessage());
        }
    }

    /** Escapes just what {@link #parse} would otherwise misread, so that parse(toString()) is the same URI. */
    private static String encode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("%&=+".indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isISOControl(c)) {
                for (byte octet : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    b.append(String.format(java.util.Locale.ROOT, "%%%02X", octet & 0xFF));
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
