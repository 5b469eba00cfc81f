package org.excitrack.storage.mem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.excitrack.model.excitability.DerivedVariable;

/**
 * Reads the {@code DERIVED EXCITABILITY VARIABLES} section: rows {@code " <n>.<TAB>value<TAB>label"} (or separated
 * by spaces where an editor replaced the TABs). The {@code Program = …}, {@code Threshold method = …} and
 * {@code SR method = …} lines before the first row are read and dropped.
 */
final class MemDerivedVariablesReader {
    private static final Pattern DERIVED_NUMBER = Pattern.compile("(\\d+)\\.");

    private MemDerivedVariablesReader() {
    }

    /** Reads from the cursor up to the next section title or the end. */
    static List<DerivedVariable> read(MemLines lines) {
        List<DerivedVariable> derived = new ArrayList<>();
        boolean rows = false;
        for (; lines.hasNext() && !lines.atSectionTitle(); lines.advance()) {
            String line = lines.current();
            int lineNumber = lines.currentNumber();
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = new ArrayList<>(MemLines.fields(line));
            if (line.indexOf('\t') < 0 && fields.size() > 1 && fields.get(0).isEmpty()) {
                fields.remove(0); // " 1.  5.307  label" without TABs
                if (fields.size() > 2) {
                    fields = new ArrayList<>(List.of(fields.get(0), fields.get(1),
                            String.join(" ", fields.subList(2, fields.size()))));
                }
            }
            Matcher m = DERIVED_NUMBER.matcher(fields.get(0).strip());
            if (!m.matches()) {
                if (!rows && line.contains("=")) {
                    continue; // Program = …, Threshold method = …, SR method = …
                }
                throw lines.error(lineNumber, "'" + MemLines.shorten(line) + "' in the " + MemSection.DERIVED.title
                        + " section; expected a row ' <n>.<TAB>value<TAB>label' or the next section");
            }
            rows = true;
            String id = m.group(1) + ".";
            if (fields.size() < 2 || fields.get(1).isBlank()) {
                throw lines.error(lineNumber, "variable " + id + " has no value; expected "
                        + "' <n>.<TAB>value<TAB>label'");
            }
            double value = lines.number(fields.get(1), "value", "variable " + id, lineNumber);
            String label = fields.size() > 2 ? String.join("\t", fields.subList(2, fields.size())).strip() : "";
            derived.add(new DerivedVariable(Integer.parseInt(m.group(1)), label, value));
        }
        return derived;
    }
}
