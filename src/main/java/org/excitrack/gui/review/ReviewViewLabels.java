package org.excitrack.gui.review;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.excitrack.service.RecordingLibrary;

/** Short labels for earlier recordings, as menus and column headings show them. */
final class ReviewViewLabels {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private ReviewViewLabels() {
    }

    static String date(Instant when) {
        return DAY.withZone(ZoneId.systemDefault()).format(when);
    }

    static String entry(RecordingLibrary.Entry e) {
        String when = e.created().map(c -> DAY_TIME.withZone(ZoneId.systemDefault()).format(c)).orElse("undated");
        return when + "  \u00b7  " + e.protocol() + "  \u00b7  " + e.status() + "  \u00b7  " + e.file().getFileName();
    }
}
