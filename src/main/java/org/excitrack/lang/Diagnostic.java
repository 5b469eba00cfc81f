package org.excitrack.lang;

import java.util.Optional;

/**
 * One problem in a protocol: where, what, and what would fix it. {@link #render()} gives the form users
 * see: {@code file:line:column: error: message}, the line itself, a caret under the place, and a hint.
 */
public record Diagnostic(Severity severity, Span span, String message, Optional<String> hint) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public static Diagnostic error(Span span, String message) {
        return new Diagnostic(Severity.ERROR, span, message, Optional.empty());
    }

    public static Diagnostic error(Span span, String message, String hint) {
        return new Diagnostic(Severity.ERROR, span, message, Optional.of(hint));
    }

    public static Diagnostic warning(Span span, String message) {
        return new Diagnostic(Severity.WARNING, span, message, Optional.empty());
    }

    public String location() {
        return span.source().name() + ":" + span.line() + ":" + span.column();
    }

    public String render() {
        StringBuilder b = new StringBuilder();
        b.append(location()).append(": ").append(severity.name().toLowerCase(java.util.Locale.ROOT)).append(": ")
                .append(message).append('\n');
        String line = span.source().lineText(span.line());
        b.append("    ").append(line).append('\n');
        int caretAt = span.column() - 1;
        int width = Math.max(1, Math.min(span.end(), span.source().lineStarts().size() > span.line()
                ? span.source().lineStarts().get(span.line()) - 1 : span.source().text().length()) - span.start());
        width = Math.min(width, Math.max(1, line.length() - caretAt));
        b.append("    ");
        for (int i = 0; i < caretAt; i++) {
            b.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
        }
        b.append("^".repeat(width)).append('\n');
        hint.ifPresent(h -> b.append("    hint: ").append(h).append('\n'));
        return b.toString();
    }
}
