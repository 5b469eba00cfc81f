package org.excitrack.storage.mem;

import java.util.List;
import java.util.Optional;

/**
 * The sections of a MEM file this package knows, with their titles, row ids and QtracP's column titles
 * (trondnf.md §5.2). Sections not listed here are recorded by title and their content skipped.
 */
enum MemSection {
    STIMULUS_RESPONSE("STIMULUS-RESPONSE DATA", "SR", "SR", List.of("% Max")),
    CHARGE_DURATION("CHARGE DURATION DATA", "QT", "QT",
            List.of("Duration (ms)", " Threshold (mA)", "  Threshold charge (mA.mS)")),
    /** Older two-width protocols (TRONDXM2): Tsd and rheobase per %CMAP from the two SR widths; content skipped. */
    STRENGTH_DURATION("STRENGTH-DURATION DATA", "SD", null, List.of()),
    THRESHOLD_ELECTROTONUS("THRESHOLD ELECTROTONUS DATA", "TE", "TE\\d+",
            List.of("Delay (ms)", "Current (%)", "Thresh redn. (%)")),
    RECOVERY_CYCLE("RECOVERY CYCLE DATA", "RC", "RC\\d+", List.of("Interval (ms)", "  Threshold change (%)")),
    CURRENT_THRESHOLD("THRESHOLD I/V DATA", "IV", "IV\\d+", List.of("Current (%)", "  Threshold redn. (%)")),
    DERIVED("DERIVED EXCITABILITY VARIABLES", "derived variable", null, List.of()),
    EXTRA_VARIABLES("EXTRA VARIABLES", "name = value", null, List.of()),
    /** TMS protocols: {@code !name} blocks of x y rows; content skipped. */
    EXTRA_WAVEFORMS("EXTRA WAVEFORMS", "waveform", null, List.of());

    /** What QtracP writes after the EXTRA VARIABLES title. */
    static final String EXTRA_VARIABLES_HINT = "(add here as required, e.g. Potassium = 4.5)";

    final String title;
    /** Short name of one row, for messages: "expected more SR rows". */
    final String rowName;
    /** Regular expression of the part of a row id before the dot, or null when the section has no such rows. */
    final String rowPrefix;
    /** QtracP's column titles as written (SR: only the first; the Stimulus(n) titles depend on the widths). */
    final List<String> columnTitles;

    MemSection(String title, String rowName, String rowPrefix, List<String> columnTitles) {
        this.title = title;
        this.rowName = rowName;
        this.rowPrefix = rowPrefix;
        this.columnTitles = columnTitles;
    }

    boolean isTable() {
        return rowPrefix != null;
    }

    static Optional<MemSection> byTitle(String title) {
        for (MemSection s : values()) {
            if (s.title.equals(title)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
