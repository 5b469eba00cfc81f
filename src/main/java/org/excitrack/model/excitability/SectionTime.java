package org.excitrack.model.excitability;

import java.util.OptionalDouble;

/**
 * A section of the recording and, where the source gives it ("(3.5-8.8m)"), its start and end in minutes.
 *
 * @param title the section's title as written, e.g. "THRESHOLD ELECTROTONUS DATA"
 */
public record SectionTime(String title, OptionalDouble startMinutes, OptionalDouble endMinutes) {
}
