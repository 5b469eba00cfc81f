package org.excitrack.storage.mem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.excitrack.model.excitability.DerivedVariable;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.ExtraVariable;
import org.excitrack.model.excitability.RecordingHeader;
import org.excitrack.model.excitability.SectionTime;

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
 * <p>Instances are stateless and thread-safe. The work is shared out: {@link MemLines} (lines, cursor, errors with
 * line numbers), {@link MemHeaderReader}, {@link MemSectionTitles}, {@link MemTableReader} with {@link MemCurves}
 * (the measurement tables), {@link MemDerivedVariablesReader} and {@link MemExtraVariablesReader}; this class walks
 * the sections and checks the file is whole.
 */
public final class MemReader {
    /**
     * The character set of MEM files: QtracP is a Windows program writing ANSI text, in practice ASCII; windows-1252
     * decodes the few non-ASCII characters (°, µ, accented names) as Windows wrote them.
     */
    public static final Charset CHARSET = Charset.forName("windows-1252");

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

    /** One parse: the sections in order, each read by its reader, then the check that the file is whole. */
    private static final class Parse {
        private final MemLines lines;
        private final MemCurves curves;
        private List<DerivedVariable> derived = List.of();
        private List<ExtraVariable> extras = List.of();
        private final List<SectionTime> sections = new ArrayList<>();
        private final Set<MemSection> seen = EnumSet.noneOf(MemSection.class);

        Parse(String source, String text) {
            this.lines = new MemLines(source, text);
            this.curves = new MemCurves(lines);
        }

        ExcitabilityRecording run() {
            Map<String, String> header = MemHeaderReader.read(lines);
            MemSection last = null;
            String lastTitle = null;
            while (lines.skipBlankLines()) {
                int titleLine = lines.currentNumber();
                String line = lines.current();
                lines.advance();
                Optional<SectionTime> title = MemSectionTitles.parse(line, titleLine, lines);
                if (title.isEmpty()) {
                    throw lines.error(titleLine, "'" + line.strip() + "' is not a section title; expected a section "
                            + "such as '  CHARGE DURATION DATA (2.4-3.5m)'");
                }
                sections.add(title.get());
                lastTitle = title.get().title();
                last = MemSection.byTitle(lastTitle).orElse(null);
                if (last != null && !seen.add(last)) {
                    throw lines.error(titleLine, "a second " + last.title + " section; expected each section once");
                }
                readSectionBody(last);
            }
            checkComplete(last, lastTitle);
            return new ExcitabilityRecording(new RecordingHeader(header), curves.stimulusResponse(),
                    curves.chargeDuration(), curves.electrotonus(), curves.currentThreshold(), curves.recovery(),
                    derived, extras, sections);
        }

        private void readSectionBody(MemSection section) {
            if (section == null || section == MemSection.STRENGTH_DURATION || section == MemSection.EXTRA_WAVEFORMS) {
                while (lines.hasNext() && !lines.atSectionTitle()) {
                    lines.advance();
                }
            } else if (section == MemSection.DERIVED) {
                derived = MemDerivedVariablesReader.read(lines);
            } else if (section == MemSection.EXTRA_VARIABLES) {
                extras = MemExtraVariablesReader.read(lines);
            } else {
                new MemTableReader(lines, curves).read(section);
            }
        }

        private void checkComplete(MemSection last, String lastTitle) {
            int lastLine = lines.count();
            if (sections.isEmpty()) {
                throw lines.error(lastLine, "the file ends in the header; expected the measurement sections "
                        + "(STIMULUS-RESPONSE DATA …) and DERIVED EXCITABILITY VARIABLES");
            }
            if (!seen.contains(MemSection.DERIVED)) {
                String unit = last != null && (last.isTable() || last == MemSection.STRENGTH_DURATION)
                        ? "more " + last.rowName + " rows" : "more lines";
                throw lines.error(lastLine, "the file ends inside the " + lastTitle + " section; expected " + unit
                        + " or the next section (QtracP writes DERIVED EXCITABILITY VARIABLES after the measurements)");
            }
            if (last == MemSection.DERIVED && derived.isEmpty()) {
                throw lines.error(lastLine, "the file ends inside the DERIVED EXCITABILITY VARIABLES section before "
                        + "its first variable; expected rows ' <n>.<TAB>value<TAB>label'");
            }
            boolean dataSection = last != null && last != MemSection.EXTRA_VARIABLES
                    && last != MemSection.EXTRA_WAVEFORMS;
            if (!lines.lastLineEnded() && dataSection && !lines.line(lastLine).isBlank()) {
                throw lines.error(lastLine, "the last line '" + MemLines.shorten(lines.line(lastLine)) + "' has no "
                        + "line end; the file looks cut off in the middle of a line (expected CRLF after every line)");
            }
        }
    }
}
