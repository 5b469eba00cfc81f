package org.excitrack.storage.mem;

import java.util.ArrayList;
import java.util.List;
import org.excitrack.model.excitability.ExtraVariable;

/**
 * Reads the {@code EXTRA VARIABLES} section: free {@code name = value} lines, values kept as text (QtracP's
 * computed extras and what users add, such as {@code Potassium = 4.5}).
 */
final class MemExtraVariablesReader {
    private MemExtraVariablesReader() {
    }

    /** Reads from the cursor up to the next section title or the end. */
    static List<ExtraVariable> read(MemLines lines) {
        List<ExtraVariable> extras = new ArrayList<>();
        for (; lines.hasNext() && !lines.atSectionTitle(); lines.advance()) {
            String line = lines.current();
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || line.substring(0, eq).isBlank()) {
                throw lines.error(lines.currentNumber(), "'" + MemLines.shorten(line) + "' in the EXTRA VARIABLES "
                        + "section; expected 'name = value' such as 'Potassium = 4.5'");
            }
            extras.add(new ExtraVariable(line.substring(0, eq).strip(), line.substring(eq + 1).strip()));
        }
        return extras;
    }
}
