package org.excitrack.storage.mem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the body of one measurement table section (SR, CD, TE, RC, I/V) into {@link MemCurves}: free text and
 * {@code Max CMAP} lines before the column titles, the column titles (checked against QtracP's), then rows whose
 * ids belong to the section and that have one value per column.
 */
final class MemTableReader {
    private static final Pattern MAX_CMAP = Pattern.compile(
            "Max CMAP\\s+(\\S+)\\s*ms\\s*=\\s*(\\S+)\\s*(mV|uV|\u00b5V|\u03bcV)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROW_ID = Pattern.compile("([A-Z]+\\d*)\\.(\\S+)");
    private static final Pattern STIMULUS_TITLE = Pattern.compile("Stimulus\\s*\\((\\d+)\\)");

    private final MemLines lines;
    private final MemCurves curves;

    MemTableReader(MemLines lines, MemCurves curves) {
        this.lines = lines;
        this.curves = curves;
    }

    /** Reads from the cursor up to the next section title or the end. */
    void read(MemSection section) {
        List<String> titles = null;
        List<Integer> stimulusColumns = new ArrayList<>();
        for (; lines.hasNext() && !lines.atSectionTitle(); lines.advance()) {
            String line = lines.current();
            int lineNumber = lines.currentNumber();
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = MemLines.fields(line);
            if (titles == null) {
                if (section == MemSection.STIMULUS_RESPONSE && line.strip().startsWith("Max CMAP")) {
                    readMaxCmap(line, lineNumber);
                } else if (fields.size() > 1 && fields.get(0).isBlank()
                        && (line.indexOf('\t') >= 0 || line.startsWith("          "))) {
                    titles = fields.subList(1, fields.size()).stream().map(String::strip)
                            .filter(s -> !s.isEmpty()).toList();
                    checkTitles(section, titles, lineNumber, stimulusColumns);
                } else if (ROW_ID.matcher(fields.get(0).strip()).matches()) {
                    throw lines.error(lineNumber, "row " + fields.get(0).strip() + " comes before the column titles "
                            + "of the " + section.title + " section; expected the column titles first");
                }
                continue;
            }
            readRow(section, titles, stimulusColumns, fields, lineNumber);
        }
    }

    private void checkTitles(MemSection section, List<String> titles, int lineNumber, List<Integer> stimulus) {
        int expected = section.columnTitles.size();
        if (section == MemSection.STIMULUS_RESPONSE) {
            if (titles.size() < 2) {
                throw lines.error(lineNumber, "column titles " + titles + " in the " + section.title + " section; "
                        + "expected '% Max' and one or more 'Stimulus(n)' columns");
            }
            for (String t : titles.subList(1, titles.size())) {
                Matcher m = STIMULUS_TITLE.matcher(t);
                if (!m.matches()) {
                    throw lines.error(lineNumber, "column title '" + t + "' in the " + section.title + " section; "
                            + "expected 'Stimulus(n)'");
                }
                stimulus.add(Integer.parseInt(m.group(1)));
            }
            mapStimulusColumns(stimulus, lineNumber);
        } else if (titles.size() != expected) {
            throw lines.error(lineNumber, titles.size() + " column titles " + titles + " in the " + section.title
                    + " section; expected " + expected + " (" + String.join(", ", section.columnTitles.stream()
                            .map(String::strip).toList()) + ")");
        }
    }

    /** Turns the Stimulus(n) numbers into indices of the maximal responses. */
    private void mapStimulusColumns(List<Integer> stimulus, int lineNumber) {
        int maxima = curves.maximaCount();
        if (stimulus.size() == maxima) {
            for (int i = 0; i < stimulus.size(); i++) {
                stimulus.set(i, i);
            }
            return;
        }
        for (int i = 0; i < stimulus.size(); i++) {
            int n = stimulus.get(i);
            if (n < 1 || n > maxima) {
                throw lines.error(lineNumber, "column Stimulus(" + n + ") has no matching 'Max CMAP' line ("
                        + maxima + " given); expected a ' Max CMAP  <width> ms = <value> mV' line for "
                        + "each stimulus width before the column titles");
            }
            stimulus.set(i, n - 1);
        }
    }

    private void readMaxCmap(String line, int lineNumber) {
        Matcher m = MAX_CMAP.matcher(line.strip());
        if (!m.matches()) {
            throw lines.error(lineNumber, "'" + line.strip() + "' is not a maximal response line; expected "
                    + "' Max CMAP  <width> ms = <value> mV' (or uV)");
        }
        double width = lines.number(m.group(1), "Max CMAP width", "Max CMAP", lineNumber);
        double value = lines.number(m.group(2), "Max CMAP value", "Max CMAP", lineNumber);
        boolean micro = !m.group(3).equalsIgnoreCase("mV");
        curves.addMaximalResponse(width, micro ? value / 1000 : value);
    }

    private void readRow(MemSection section, List<String> titles, List<Integer> stimulusColumns,
            List<String> fields, int lineNumber) {
        String id = fields.get(0).strip();
        Matcher m = ROW_ID.matcher(id);
        if (!m.matches() || !m.group(1).matches(section.rowPrefix)
                || (section != MemSection.STIMULUS_RESPONSE && !m.group(2).matches("\\d+"))) {
            throw lines.error(lineNumber, "'" + MemLines.shorten(lines.line(lineNumber)) + "' in the "
                    + section.title + " section; expected a row " + section.rowPrefix.replace("\\d+", "<k>")
                    + ".<n> or the next section");
        }
        List<String> values = new ArrayList<>(fields.subList(1, fields.size()));
        while (values.size() > titles.size() && values.get(values.size() - 1).isBlank()) {
            values.remove(values.size() - 1);
        }
        if (values.size() != titles.size()) {
            throw lines.error(lineNumber, id + " has " + values.size() + " value" + (values.size() == 1 ? "" : "s")
                    + "; expected " + titles.size() + " (" + String.join(", ", titles) + ")");
        }
        curves.addRow(section, new MemCurves.Row(id, m.group(1), values, titles, lineNumber), stimulusColumns);
    }
}
