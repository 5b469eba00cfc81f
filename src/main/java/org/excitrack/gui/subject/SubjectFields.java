package org.excitrack.gui.subject;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The subject form's rules, as pure functions of the typed text so they can be tested as tables. Optional fields
 * left blank are "not recorded", never an error.
 */
final class SubjectFields {
    static final int MAX_ID_LENGTH = 40;
    static final int MAX_TEXT_LENGTH = 200;
    static final int MAX_AGE_YEARS = 120;
    /** Below this skin temperature nerve excitability measurements shift (slower, larger recovery cycle). */
    static final double COOL_SKIN_CELSIUS = 32;
    static final double MIN_PLAUSIBLE_CELSIUS = 20;
    static final double MAX_PLAUSIBLE_CELSIUS = 42;

    /** "John Smith", "Anne-Marie O'Neil", "Smith, John": two or more capitalised words. */
    private static final String WORD = "\\p{Lu}(?:\\p{Ll}+|['’]\\p{Lu}\\p{Ll}+)(?:-\\p{Lu}\\p{Ll}+)*";
    private static final Pattern PERSON_NAME = Pattern.compile(WORD + "(?:,?\\s+" + WORD + ")+");

    private SubjectFields() {
    }

    static Optional<FieldMessage> id(String text) {
        String id = trimmed(text);
        if (id.isEmpty()) {
            return Optional.of(FieldMessage.error("Required: the subject's pseudonymous id from the study log."));
        }
        if (id.length() > MAX_ID_LENGTH) {
            return Optional.of(FieldMessage.error("At most " + MAX_ID_LENGTH + " characters."));
        }
        if (PERSON_NAME.matcher(id).matches()) {
            return Optional.of(FieldMessage.warning("This looks like a person's name. Recordings keep only a "
                    + "pseudonymous id, e.g. S-014."));
        }
        return Optional.empty();
    }

    static Optional<FieldMessage> age(String text) {
        String age = trimmed(text);
        if (age.isEmpty()) {
            return Optional.empty();
        }
        if (!age.matches("\\d{1,3}") || Integer.parseInt(age) > MAX_AGE_YEARS) {
            return Optional.of(FieldMessage.error("Age in whole years, 0 to " + MAX_AGE_YEARS + "."));
        }
        return Optional.empty();
    }

    static Optional<FieldMessage> temperature(String text) {
        String t = trimmed(text);
        if (t.isEmpty()) {
            return Optional.of(FieldMessage.warning("Not recorded yet: nerve protocols ask for it before the first "
                    + "stimulus."));
        }
        Double celsius = parseCelsius(t);
        if (celsius == null) {
            return Optional.of(FieldMessage.error("A temperature in °C, e.g. 33.5."));
        }
        if (celsius < MIN_PLAUSIBLE_CELSIUS || celsius > MAX_PLAUSIBLE_CELSIUS) {
            return Optional.of(FieldMessage.error("Skin temperature is between " + (int) MIN_PLAUSIBLE_CELSIUS
                    + " and " + (int) MAX_PLAUSIBLE_CELSIUS + " °C; check the reading."));
        }
        if (celsius < COOL_SKIN_CELSIUS) {
            return Optional.of(FieldMessage.warning("Below " + (int) COOL_SKIN_CELSIUS + " °C: warm the limb "
                    + "first; excitability depends on temperature."));
        }
        return Optional.empty();
    }

    static Optional<FieldMessage> text(String text) {
        return trimmed(text).length() > MAX_TEXT_LENGTH
                ? Optional.of(FieldMessage.error("At most " + MAX_TEXT_LENGTH + " characters.")) : Optional.empty();
    }

    static Integer parseAge(String text) {
        String age = trimmed(text);
        return age.isEmpty() || age(age).isPresent() ? null : Integer.valueOf(age);
    }

    /** Accepts a decimal comma, as typed on many clinical keyboards. */
    static Double parseCelsius(String text) {
        String t = trimmed(text).replace(',', '.').replaceFirst("\\s*°?\\s*[cC]$", "");
        if (!t.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return Double.valueOf(t);
    }

    static String trimmed(String text) {
        return text == null ? "" : text.strip();
    }
}
