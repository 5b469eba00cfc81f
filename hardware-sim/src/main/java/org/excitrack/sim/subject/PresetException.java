package org.excitrack.sim.subject;

/** A subject preset that cannot be read, with where and what was expected. */
public final class PresetException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PresetException(String source, int line, int column, String message) {
        super(source + ":" + line + ":" + column + ": " + message);
    }

    public PresetException(String message) {
        super(message);
    }
}
