package org.excitrack.storage.mem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the header of a MEM file: {@code " Key:<TAB>value"} lines (or {@code "Key: value"} where an editor replaced
 * the TAB) up to the first blank line or section title. Values are kept as written, without trailing white space.
 */
final class MemHeaderReader {
    private static final Pattern HEADER_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9 /\\-().]*");

    private MemHeaderReader() {
    }

    /**
     * Reads from the cursor, which it leaves on the line after the header.
     *
     * @throws MemFormatException if the text is empty, does not start with a header line, or repeats a key
     */
    static Map<String, String> read(MemLines lines) {
        Map<String, String> header = new LinkedHashMap<>();
        lines.skipBlankLines();
        if (!lines.hasNext()) {
            throw lines.error(Math.max(1, lines.count()), "the text is empty; not a MEM file (expected header "
                    + "lines such as ' File:<TAB>…' and ' Name:<TAB>…')");
        }
        while (lines.hasNext() && !lines.current().isBlank()) {
            String line = lines.current();
            if (!header.isEmpty() && MemSectionTitles.parse(line, lines.currentNumber(), lines).isPresent()) {
                return header;
            }
            readLine(header, line, lines.currentNumber(), lines);
            lines.advance();
        }
        return header;
    }

    private static void readLine(Map<String, String> header, String line, int lineNumber, MemLines lines) {
        int tab = line.indexOf('\t');
        String key;
        String value;
        if (tab >= 0 && line.substring(0, tab).strip().endsWith(":")) {
            String left = line.substring(0, tab).strip();
            key = left.substring(0, left.length() - 1).strip();
            value = line.substring(tab + 1).stripTrailing();
        } else if (tab < 0 && line.indexOf(':') > 0) {
            key = line.substring(0, line.indexOf(':')).strip();
            value = line.substring(line.indexOf(':') + 1).strip();
        } else {
            key = null;
            value = null;
        }
        if (key == null || !HEADER_KEY.matcher(key).matches()) {
            if (header.isEmpty()) {
                String what = MemSectionTitles.parse(line, lineNumber, lines).isPresent()
                        ? "starts with the section title '" + line.strip() + "' and has no header"
                        : "starts with '" + MemLines.shorten(line) + "'";
                throw lines.error(lineNumber, "the text " + what + "; not a MEM file (a MEM file starts with "
                        + "header lines such as ' File:<TAB>…' and ' Name:<TAB>…')");
            }
            throw lines.error(lineNumber, "'" + MemLines.shorten(line) + "' is not a header line; expected "
                    + "' Key:<TAB>value' or a blank line before the first section");
        }
        if (header.containsKey(key)) {
            throw lines.error(lineNumber, "header key '" + key + "' given twice; expected each key once");
        }
        header.put(key, value);
    }
}
