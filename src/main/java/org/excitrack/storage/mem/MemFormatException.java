package org.excitrack.storage.mem;

/**
 * A text that is not a well-formed MEM file: not a MEM file at all, cut off, or with a value that does not parse.
 * The message names the source, the 1-based line, what was found and what was expected, for example
 * {@code "FESB70821A.MEM line 57: 'x.2' in column 'Stimulus(2)' of SR.50 is not a number; expected a decimal number
 * such as 5.31 or .2"}.
 */
public final class MemFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int lineNumber;

    /**
     * @param sourceName the file name or other description of the text
     * @param lineNumber 1-based line number the problem is on
     * @param problem what was found and what was expected
     */
    public MemFormatException(String sourceName, int lineNumber, String problem) {
        super(sourceName + " line " + lineNumber + ": " + problem);
        this.sourceName = sourceName;
        this.lineNumber = lineNumber;
    }

    public String sourceName() {
        return sourceName;
    }

    /** The 1-based line number the problem is on. */
    public int lineNumber() {
        return lineNumber;
    }
}
