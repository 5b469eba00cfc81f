package org.excitrack.storage.mem;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.excitrack.model.excitability.SectionTime;

/**
 * Recognises section title lines: one to four spaces, an upper-case title, and an optional {@code (start-end m)}
 * time tag, e.g. {@code "  CHARGE DURATION DATA (2.4-3.5m)"}. A line with a TAB is never a title.
 */
final class MemSectionTitles {
    private static final Pattern TITLE =
            Pattern.compile(" {1,4}([A-Z][A-Z0-9 /\\-]*[A-Z0-9])\\s*(\\(.*\\))?\\s*");
    private static final Pattern TIME_TAG =
            Pattern.compile("\\(\\s*(\\d+\\.?\\d*|\\.\\d+)\\s*-\\s*(\\d+\\.?\\d*|\\.\\d+)\\s*m\\s*\\)");

    private MemSectionTitles() {
    }

    /**
     * The title and time tag of {@code line}, or empty if it is not a title. An unknown section's parenthesis that
     * is not a time tag makes the whole line its title; EXTRA VARIABLES' hint is no time tag.
     *
     * @throws MemFormatException if a known section's parenthesis is not a time tag
     */
    static Optional<SectionTime> parse(String line, int lineNumber, MemLines errors) {
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
            throw errors.error(lineNumber, "'" + paren + "' after " + name + " is not a time tag; expected "
                    + "'(start-end m)' such as '(3.5-8.8m)'");
        }
        return Optional.of(new SectionTime(line.strip(), OptionalDouble.empty(), OptionalDouble.empty()));
    }
}
