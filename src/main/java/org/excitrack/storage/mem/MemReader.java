package org.excitrack.storage.mem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.excitrack.model.excitability.ChargeDurationPoint;
import org.excitrack.model.excitability.CurrentThresholdPoint;
import org.excitrack.model.excitability.DerivedVariable;
import org.excitrack.model.excitability.ElectrotonusCurve;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.ExtraVariable;
import org.excitrack.model.excitability.RecordingHeader;
import org.excitrack.model.excitability.RecoveryPoint;
import org.excitrack.model.excitability.SectionTime;
import org.excitrack.model.excitability.StimulusResponseCurve;

/**
 * Reads QtracP MEM files ("multiple excitability measures", trondnf.md §5.2) into an {@link ExcitabilityRecording}.
 *
 * <p><b>Tolerant</b> of real-world variation: CRLF, LF or CR line ends; trailing spaces and TABs; VB number formats
 * ({@code ".2"}, {@code " 2"}, {@code "-58.3"}); missing rows and blank lines anywhere between rows; TE groups told
 * apart by their {@code TEk} row ids rather than by blank lines; free text before a table's column titles (such as
 * "Values are those recorded"); the Program / Threshold method / SR method lines of the derived variables (read and
 * dropped); sections it does not know (title and time tag kept in {@code sections}, content skipped), among them
 * {@code STRENGTH-DURATION DATA} of older two-width protocols (its Tsd and rheobase per %CMAP are computed from the
 * two SR widths, which are kept, so nothing measured is lost) and {@code EXTRA WAVEFORMS}.
 *
 * <p><b>Strict</b> where a silent guess would give wrong data, with a {@link MemFormatException} naming source, line,
 * what was found and what was expected: a text that does not start with header lines is not a MEM file; a file
 * that ends before the {@code DERIVED EXCITABILITY VARIABLES} section (QtracP writes that section after all
 * measurements, so a file without it is cut off); a last line without a line end inside a data section (cut in
 * the middle of a row); a row with the wrong number of values or an id that does not belong to its section; a row
 * before its table's column titles; a value that is not a number; a malformed {@code Max CMAP} line or time tag;
 * a TE curve with two different conditioning currents; a section or header key given twice.
 *
 * <p>Units are kept as in the file (mA, ms, %), except that a {@code Max CMAP} given in µV ({@code uV}) is
 * converted to mV. Header values are kept as written after the TAB (a value such as {@code "21/8/17 / 28/9/18"}
 * stays whole), without trailing white space. Stimulus columns {@code Stimulus(n)} are matched to the
 * {@code Max CMAP} lines in order when there are as many of each, otherwise by n (Stimulus(2) is the second
 * width); a width without a column, or an empty cell, is NaN. A TE curve's conditioning current is the non-zero
 * value of its Current column, NaN when no row carries one (all rows while the current flows are missing).
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class MemReader {
    /**
     * The character set of MEM files: QtracP is a Windows program writing ANSI text, in practice ASCII; windows-1252
     * decodes the few non-ASCII characters (°, µ, accented names) as Windows wrote them.
     */
    public static final Charset CHARSET = Charset.forName("windows-1252");

    private static final Pattern TITLE =
            Pattern.compile(" {1,4}([A-Z][A-Z0-9 /\\-]*[A-Z0-9])\\s*(\\(.*\\))?\\s*");
    private static final Pattern TIME_TAG =
            Pattern.compile("\\(\\s*(\\d+\\.?\\d*|\\.\\d+)\\s*-\\s*(\\d+\\.?\\d*|\\.\\d+)\\s*m\\s*\\)");
    private static final Pattern HEADER_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9 /\\-().]*");
    private static final Pattern MAX_CMAP = Pattern.compile(
            "Max CMAP\\s+(\\S+)\\s*ms\\s*=\\s*(\\S+)\\s*(mV|uV|\u00b5V|\u03bcV)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROW_ID = Pattern.compile("([A-Z]+\\d*)\\.(\\S+)");
    private static final Pattern STIMULUS_TITLE = Pattern.compile("Stimulus\\s*\\((\\d+)\\)");
    private static final Pattern DERIVED_NUMBER = Pattern.compile("(\\d+)\\.");

    /** Reads a file's bytes as {@link #CHARSET}; the source name in messages is the file name. */
    public ExcitabilityRecording read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read MEM file " + file, e);
        }
        return read(String.valueOf(file.getFileName()), new String(bytes, CHARSET));
    }

    /**
     * @param sourceName how to name the text in messages, typically the file name
     * @param text the whole file
     * @throws MemFormatException if the text is not a well-formed MEM file
     */
    public ExcitabilityRecording read(String sourceName, String text) {
        return new Parse(sourceName, text).run();
    }

    /** One parse: the lines and what has been found so far. */
    private static final class Parse {
        private final String source;
        private final List<String> lines = new ArrayList<>();
        private final boolean lastLineEnded;
        private int next;

        private final Map<String, String> header = new LinkedHashMap<>();
        private final List<StimulusResponseCurve.MaximalResponse> maxima = new ArrayList<>();
        private final List<StimulusResponseCurve.Point> srPoints = new ArrayList<>();
        private final List<ChargeDurationPoint> chargeDuration = new ArrayList<>();
        private final Map<String, List<ElectrotonusCurve.Point>> teRows = new LinkedHashMap<>();
        private final Map<String, Double> teConditioning = new LinkedHashMap<>();
        private final List<CurrentThresholdPoint> currentThreshold = new ArrayList<>();
        private final List<RecoveryPoint> recovery = new ArrayList<>();
        private final List<DerivedVariable> derived = new ArrayList<>();
        private final List<ExtraVariable> extras = new ArrayList<>();
        private final List<SectionTime> sections = new ArrayList<>();
        private final Set<MemSection> seen = EnumSet.noneOf(MemSection.class);

        Parse(String source, String text) {
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

        ExcitabilityRecording run() {
            readHeader();
            MemSection last = null;
            String lastTitle = null;
            while (skipBlankLines()) {
                int titleLine = next + 1;
                String line = lines.get(next++);
                Optional<SectionTime> title = sectionTitle(line, titleLine);
                if (title.isEmpty()) {
                    throw error(titleLine, "'" + line.strip() + "' is not a section title; expected a section such as "
                            + "'  CHARGE DURATION DATA (2.4-3.5m)'");
                }
                sections.add(title.get());
                lastTitle = title.get().title();
                last = MemSection.byTitle(lastTitle).orElse(null);
                if (last != null && !seen.add(last)) {
                    throw error(titleLine, "a second " + last.title + " section; expected each section once");
                }
                readSectionBody(last, lastTitle);
            }
            checkComplete(last, lastTitle);
            return new ExcitabilityRecording(new RecordingHeader(header),
                    new StimulusResponseCurve(maxima, srPoints), chargeDuration, electrotonusCurves(),
                    currentThreshold, recovery, derived, extras, sections);
        }

        private void readHeader() {
            skipBlankLines();
            if (next >= lines.size()) {
                throw error(Math.max(1, lines.size()), "the text is empty; not a MEM file (expected header lines "
                        + "such as ' File:<TAB>…' and ' Name:<TAB>…')");
            }
            while (next < lines.size() && !lines.get(next).isBlank()) {
                String line = lines.get(next);
                if (!header.isEmpty() && sectionTitle(line, next + 1).isPresent()) {
                    return;
                }
                readHeaderLine(line, next + 1);
                next++;
            }
        }

        private void readHeaderLine(String line, int lineNumber) {
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
                    String what = sectionTitle(line, lineNumber).isPresent()
                            ? "starts with the section title '" + line.strip() + "' and has no header"
                            : "starts with '" + shorten(line) + "'";
                    throw error(lineNumber, "the text " + what + "; not a MEM file (a MEM file starts with header "
                            + "lines such as ' File:<TAB>…' and ' Name:<TAB>…')");
                }
                throw error(lineNumber, "'" + shorten(line) + "' is not a header line; expected ' Key:<TAB>value' "
                        + "or a blank line before the first section");
            }
            if (header.containsKey(key)) {
                throw error(lineNumber, "header key '" + key + "' given twice; expected each key once");
            }
            header.put(key, value);
        }

        /** Moves past blank lines; true when a non-blank line follows. */
        private boolean skipBlankLines() {
            while (next < lines.size() && lines.get(next).isBlank()) {
                next++;
            }
            return next < lines.size();
        }

        private Optional<SectionTime> sectionTitle(String line, int lineNumber) {
            if (line.indexOf('\t') >= 0) {
                return Optional.empty();
            }
            Matcher m = TITLE.matcher(line);
            if (!m.matches()) {
                return Optional.empty();
            }
            String name = m.group(1).strip();
            String paren = m.group(2);
            Optional<MemSection> known = MemSection.byTitle(name);
            if (paren == null) {
                return Optional.of(new SectionTime(name, OptionalDouble.empty(), OptionalDouble.empty()));
            }
            Matcher tag = TIME_TAG.matcher(paren);
            if (tag.matches()) {
                return Optional.of(new SectionTime(name, OptionalDouble.of(Double.parseDouble(tag.group(1))),
                        OptionalDouble.of(Double.parseDouble(tag.group(2)))));
            }
            if (known.isPresent() && known.get() == MemSection.EXTRA_VARIABLES) {
                return Optional.of(new SectionTime(name, OptionalDouble.empty(), OptionalDouble.empty()));
            }
            if (known.isPresent()) {
                throw error(lineNumber, "'" + paren + "' after " + name + " is not a time tag; expected "
                        + "'(start-end m)' such as '(3.5-8.8m)'");
            }
            return Optional.of(new SectionTime(line.strip(), OptionalDouble.empty(), OptionalDouble.empty()));
        }

        private boolean atSectionTitle() {
            return next < lines.size() && sectionTitle(lines.get(next), next + 1).isPresent();
        }

        private void readSectionBody(MemSection section, String title) {
            if (section == null || section == MemSection.STRENGTH_DURATION || section == MemSection.EXTRA_WAVEFORMS) {
                while (next < lines.size() && !atSectionTitle()) {
                    next++;
                }
            } else if (section == MemSection.DERIVED) {
                readDerived();
            } else if (section == MemSection.EXTRA_VARIABLES) {
                readExtras();
            } else {
                readTable(section);
            }
        }

        private void readTable(MemSection section) {
            List<String> titles = null;
            List<Integer> stimulusColumns = new ArrayList<>();
            for (; next < lines.size() && !atSectionTitle(); next++) {
                String line = lines.get(next);
                int lineNumber = next + 1;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = fields(line);
                if (titles == null) {
                    if (section == MemSection.STIMULUS_RESPONSE && line.strip().startsWith("Max CMAP")) {
                        readMaxCmap(line, lineNumber);
                    } else if (fields.size() > 1 && fields.get(0).isBlank()
                            && (line.indexOf('\t') >= 0 || line.startsWith("          "))) {
                        titles = fields.subList(1, fields.size()).stream().map(String::strip)
                                .filter(s -> !s.isEmpty()).toList();
                        checkTitles(section, titles, lineNumber, stimulusColumns);
                    } else if (ROW_ID.matcher(fields.get(0).strip()).matches()) {
                        throw error(lineNumber, "row " + fields.get(0).strip() + " comes before the column titles of "
                                + "the " + section.title + " section; expected the column titles first");
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
                    throw error(lineNumber, "column titles " + titles + " in the " + section.title + " section; "
                            + "expected '% Max' and one or more 'Stimulus(n)' columns");
                }
                for (String t : titles.subList(1, titles.size())) {
                    Matcher m = STIMULUS_TITLE.matcher(t);
                    if (!m.matches()) {
                        throw error(lineNumber, "column title '" + t + "' in the " + section.title + " section; "
                                + "expected 'Stimulus(n)'");
                    }
                    stimulus.add(Integer.parseInt(m.group(1)));
                }
                mapStimulusColumns(stimulus, lineNumber);
            } else if (titles.size() != expected) {
                throw error(lineNumber, titles.size() + " column titles " + titles + " in the " + section.title
                        + " section; expected " + expected + " (" + String.join(", ", section.columnTitles.stream()
                                .map(String::strip).toList()) + ")");
            }
        }

        /** Turns the Stimulus(n) numbers into indices of the maximal responses. */
        private void mapStimulusColumns(List<Integer> stimulus, int lineNumber) {
            if (stimulus.size() == maxima.size()) {
                for (int i = 0; i < stimulus.size(); i++) {
                    stimulus.set(i, i);
                }
                return;
            }
            for (int i = 0; i < stimulus.size(); i++) {
                int n = stimulus.get(i);
                if (n < 1 || n > maxima.size()) {
                    throw error(lineNumber, "column Stimulus(" + n + ") has no matching 'Max CMAP' line ("
                            + maxima.size() + " given); expected a ' Max CMAP  <width> ms = <value> mV' line for "
                            + "each stimulus width before the column titles");
                }
                stimulus.set(i, n - 1);
            }
        }

        private void readMaxCmap(String line, int lineNumber) {
            Matcher m = MAX_CMAP.matcher(line.strip());
            if (!m.matches()) {
                throw error(lineNumber, "'" + line.strip() + "' is not a maximal response line; expected "
                        + "' Max CMAP  <width> ms = <value> mV' (or uV)");
            }
            double width = number(m.group(1), "Max CMAP width", "Max CMAP", lineNumber);
            double value = number(m.group(2), "Max CMAP value", "Max CMAP", lineNumber);
            boolean micro = !m.group(3).equalsIgnoreCase("mV");
            maxima.add(new StimulusResponseCurve.MaximalResponse(width, micro ? value / 1000 : value));
        }

        private void readRow(MemSection section, List<String> titles, List<Integer> stimulusColumns,
                List<String> fields, int lineNumber) {
            String id = fields.get(0).strip();
            Matcher m = ROW_ID.matcher(id);
            if (!m.matches() || !m.group(1).matches(section.rowPrefix)
                    || (section != MemSection.STIMULUS_RESPONSE && !m.group(2).matches("\\d+"))) {
                throw error(lineNumber, "'" + shorten(lines.get(lineNumber - 1)) + "' in the " + section.title
                        + " section; expected a row " + section.rowPrefix.replace("\\d+", "<k>") + ".<n>"
                        + " or the next section");
            }
            List<String> values = new ArrayList<>(fields.subList(1, fields.size()));
            while (values.size() > titles.size() && values.get(values.size() - 1).isBlank()) {
                values.remove(values.size() - 1);
            }
            if (values.size() != titles.size()) {
                throw error(lineNumber, id + " has " + values.size() + " value" + (values.size() == 1 ? "" : "s")
                        + "; expected " + titles.size() + " (" + String.join(", ", titles) + ")");
            }
            switch (section) {
                case STIMULUS_RESPONSE -> {
                    double percent = number(values.get(0), titles.get(0), id, lineNumber);
                    Double[] stimuli = new Double[maxima.size()];
                    java.util.Arrays.fill(stimuli, Double.NaN);
                    for (int c = 1; c < values.size(); c++) {
                        String v = values.get(c);
                        stimuli[stimulusColumns.get(c - 1)] =
                                v.isBlank() ? Double.NaN : number(v, titles.get(c), id, lineNumber);
                    }
                    srPoints.add(new StimulusResponseCurve.Point(percent, List.of(stimuli)));
                }
                case CHARGE_DURATION -> chargeDuration.add(new ChargeDurationPoint(
                        number(values.get(0), titles.get(0), id, lineNumber),
                        number(values.get(1), titles.get(1), id, lineNumber),
                        number(values.get(2), titles.get(2), id, lineNumber)));
                case THRESHOLD_ELECTROTONUS -> {
                    double current = number(values.get(1), titles.get(1), id, lineNumber);
                    String curve = m.group(1);
                    if (current != 0) {
                        Double before = teConditioning.putIfAbsent(curve, current);
                        if (before != null && before != current) {
                            throw error(lineNumber, id + " has current " + values.get(1).strip() + " % but earlier "
                                    + curve + " rows have " + MemNumbers.exact(before) + " %; expected one "
                                    + "conditioning current per TE curve");
                        }
                    }
                    teRows.computeIfAbsent(curve, k -> new ArrayList<>()).add(new ElectrotonusCurve.Point(
                            number(values.get(0), titles.get(0), id, lineNumber), current,
                            number(values.get(2), titles.get(2), id, lineNumber)));
                }
                case RECOVERY_CYCLE -> recovery.add(new RecoveryPoint(
                        number(values.get(0), titles.get(0), id, lineNumber),
                        number(values.get(1), titles.get(1), id, lineNumber)));
                case CURRENT_THRESHOLD -> currentThreshold.add(new CurrentThresholdPoint(
                        number(values.get(0), titles.get(0), id, lineNumber),
                        number(values.get(1), titles.get(1), id, lineNumber)));
                default -> throw new IllegalStateException("not a table: " + section);
            }
        }

        private void readDerived() {
            boolean rows = false;
            for (; next < lines.size() && !atSectionTitle(); next++) {
                String line = lines.get(next);
                int lineNumber = next + 1;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = new ArrayList<>(fields(line));
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
                    throw error(lineNumber, "'" + shorten(line) + "' in the " + MemSection.DERIVED.title
                            + " section; expected a row ' <n>.<TAB>value<TAB>label' or the next section");
                }
                rows = true;
                String id = m.group(1) + ".";
                if (fields.size() < 2 || fields.get(1).isBlank()) {
                    throw error(lineNumber, "variable " + id + " has no value; expected ' <n>.<TAB>value<TAB>label'");
                }
                double value = number(fields.get(1), "value", "variable " + id, lineNumber);
                String label = fields.size() > 2 ? String.join("\t", fields.subList(2, fields.size())).strip() : "";
                derived.add(new DerivedVariable(Integer.parseInt(m.group(1)), label, value));
            }
        }

        private void readExtras() {
            for (; next < lines.size() && !atSectionTitle(); next++) {
                String line = lines.get(next);
                if (line.isBlank()) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0 || line.substring(0, eq).isBlank()) {
                    throw error(next + 1, "'" + shorten(line) + "' in the EXTRA VARIABLES section; expected "
                            + "'name = value' such as 'Potassium = 4.5'");
                }
                extras.add(new ExtraVariable(line.substring(0, eq).strip(), line.substring(eq + 1).strip()));
            }
        }

        private void checkComplete(MemSection last, String lastTitle) {
            int lastLine = lines.size();
            if (sections.isEmpty()) {
                throw error(lastLine, "the file ends in the header; expected the measurement sections "
                        + "(STIMULUS-RESPONSE DATA …) and DERIVED EXCITABILITY VARIABLES");
            }
            if (!seen.contains(MemSection.DERIVED)) {
                String unit = last != null && (last.isTable() || last == MemSection.STRENGTH_DURATION)
                        ? "more " + last.rowName + " rows" : "more lines";
                throw error(lastLine, "the file ends inside the " + lastTitle + " section; expected " + unit
                        + " or the next section (QtracP writes DERIVED EXCITABILITY VARIABLES after the measurements)");
            }
            if (last == MemSection.DERIVED && derived.isEmpty()) {
                throw error(lastLine, "the file ends inside the DERIVED EXCITABILITY VARIABLES section before its "
                        + "first variable; expected rows ' <n>.<TAB>value<TAB>label'");
            }
            boolean dataSection = last != null && last != MemSection.EXTRA_VARIABLES
                    && last != MemSection.EXTRA_WAVEFORMS;
            if (!lastLineEnded && dataSection && !lines.get(lastLine - 1).isBlank()) {
                throw error(lastLine, "the last line '" + shorten(lines.get(lastLine - 1)) + "' has no line end; "
                        + "the file looks cut off in the middle of a line (expected CRLF after every line)");
            }
        }

        private List<ElectrotonusCurve> electrotonusCurves() {
            List<ElectrotonusCurve> curves = new ArrayList<>();
            teRows.forEach((label, points) -> curves.add(
                    new ElectrotonusCurve(label, teConditioning.getOrDefault(label, Double.NaN), points)));
            return curves;
        }

        private double number(String text, String column, String row, int lineNumber) {
            String t = text.strip();
            if (!MemNumbers.isNumber(t)) {
                throw error(lineNumber, "'" + t + "' in column '" + column.strip() + "' of " + row
                        + " is not a number; expected a decimal number such as 5.31 or .2");
            }
            return MemNumbers.parse(t);
        }

        /** TAB-separated fields; a line without TABs (an editor replaced them) is split at white space. */
        private static List<String> fields(String line) {
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

        private static String shorten(String line) {
            String s = line.replace("\t", "<TAB>").strip();
            return s.length() > 60 ? s.substring(0, 57) + "…" : s;
        }

        private MemFormatException error(int lineNumber, String problem) {
            return new MemFormatException(source, lineNumber, problem);
        }
    }
}
