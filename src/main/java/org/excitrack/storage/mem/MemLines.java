package org.excitrack.storage.mem;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of one MEM text, a cursor over them, and the errors and numbers that name the text and a line. Line
 * ends may be CRLF, LF or CR; a leading byte-order mark is dropped. One instance per parse: not thread-safe.
 */
final class MemLines {
    private final String source;
    private final List<String> lines = new ArrayList<>();
    private final boolean lastLineEnded;
    private int next;

    MemLines(String source, String text) {
        this.source = source;
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(t.substring(start, i));
                if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lastLineEnded = start == t.length();
        if (!lastLineEnded) {
            lines.add(t.substring(start));
        }
    }

    /** Whether the cursor is on a line (not past the end). */
    boolean hasNext() {
        return next < lines.size();
    }

    /** The line at the cursor. */
    String current() {
        return lines.get(next);
    }

    /** The 1-based number of the line at the cursor. */
    int currentNumber() {
        return next + 1;
    }

    void advance() {
        next++;
    }

    /** Moves past blank lines; true when a non-blank line follows. */
    boolean skipBlankLines() {
        while (next < lines.size() && lines.get(next).isBlank()) {
            next++;
        }
        return next < lines.size();
    }

    /** Whether the line at the cursor is a section title (a known section's malformed time tag throws). */
    boolean atSectionTitle() {
        return hasNext() && MemSectionTitles.parse(current(), currentNumber(), this).isPresent();
    }

    /** How many lines the text has. */
    int count() {
        return lines.size();
    }

    /** The line with this 1-based number. */
    String line(int lineNumber) {
        return lines.get(lineNumber - 1);
    }

    /** Whether the text ends with a line end (a file cut in the middle of a line does not). */
    boolean lastLineEnded() {
        return lastLineEnded;
    }

    /** A MEM number (VB formats such as {@code .2}), or an error naming the column, the row and the line. */
    double number(String text, String column, String row, int lineNumber) {
        String t = text.strip();
        if (!MemNumbers.isNumber(t)) {
            throw error(lineNumber, "'" + t + "' in column '" + column.strip() + "' of " + row
                    + " is not a number; expected a decimal number such as 5.31 or .2");
        }
        return MemNumbers.parse(t);
    }

    MemFormatException error(int lineNumber, String problem) {
        return new MemFormatException(source, lineNumber, problem);
    }

    /** TAB-separated fields; a line without TABs (an editor replaced them) is split at white space. */
    static List<String> fields(String line) {
        if (line.indexOf('\t') >= 0) {
            return List.of(line.split("\t", -1));
        }
        List<String> parts = new ArrayList<>();
        if (Character.isWhitespace(line.charAt(0))) {
            parts.add("");
        }
        parts.addAll(List.of(line.strip().split("\\s+")));
        return parts;
    }

    /** A line as messages quote it: TABs shown, at most 60 characters. */
    static String shorten(String line) {
        String s = line.replace("\t", "<TAB>").strip();
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }
}
