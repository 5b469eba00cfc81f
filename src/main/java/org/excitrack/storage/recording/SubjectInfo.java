package org.excitrack.storage.recording;

import java.util.Objects;

/**
 * The subject of a recording, pseudonymised: no names, no dates of birth.
 *
 * @param pseudonymousId the study's code for the subject (required)
 * @param ageYears age in whole years, or {@code null} if not given
 * @param sex free text as the study records it (e.g. "F", "M"), or {@code null}
 * @param skinTemperatureCelsius skin temperature at the stimulation site, °C, or {@code null}
 * @param sites stimulation and recording sites, e.g. "median wrist / APB", or {@code null}
 * @param group study group, e.g. "control", or {@code null}
 */
public record SubjectInfo(String pseudonymousId, Integer ageYears, String sex, Double skinTemperatureCelsius,
                          String sites, String group) {
    public SubjectInfo {
        Objects.requireNonNull(pseudonymousId, "pseudonymousId");
        if (ageYears != null && ageYears < 0) {
            throw new IllegalArgumentException("age " + ageYears + " years is negative");
        }
    }
}
