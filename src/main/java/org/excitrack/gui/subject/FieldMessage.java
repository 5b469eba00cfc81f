package org.excitrack.gui.subject;

import java.util.Objects;

/** What a form shows beside a field: an error blocks "Use this subject", a warning only asks for a second look. */
public record FieldMessage(Severity severity, String text) {
    public enum Severity { ERROR, WARNING }

    public FieldMessage {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    static FieldMessage error(String text) {
        return new FieldMessage(Severity.ERROR, text);
    }

    static FieldMessage warning(String text) {
        return new FieldMessage(Severity.WARNING, text);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
