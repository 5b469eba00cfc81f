package org.excitrack.lang;

/** Where something is in a source: offsets [start, end) into its text. */
public record Span(SourceFile source, int start, int end) {
    public int line() {
        return source.line(start);
    }

    public int column() {
        return source.column(start);
    }

    public Span to(Span other) {
        return new Span(source, start, Math.max(end, other.end));
    }
}
