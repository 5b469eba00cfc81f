package org.excitrack.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * A protocol source: its name (for messages), its text, and where each line starts, so any offset turns
 * into a line and column and any line can be quoted under a diagnostic.
 */
public record SourceFile(String name, String text, List<Integer> lineStarts) {
    public SourceFile {
        lineStarts = List.copyOf(lineStarts);
    }

    public static SourceFile of(String name, String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return new SourceFile(name, text, starts);
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int lo = 0;
        int hi = lineStarts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts.get(mid) <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** 1-based column of an offset, counting characters. */
    public int column(int offset) {
        return offset - lineStarts.get(line(offset) - 1) + 1;
    }

    /** The text of a 1-based line, without its line break. */
    public String lineText(int line) {
        int start = lineStarts.get(line - 1);
        int end = line < lineStarts.size() ? lineStarts.get(line) - 1 : text.length();
        String s = text.substring(start, Math.max(start, end));
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
