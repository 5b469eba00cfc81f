package org.excitrack.gui.review;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.excitrack.service.ReviewService;

/** The recording's header as the Review step lists it: short label, value; unknown values are left out. */
public final class HeaderFacts {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** One line of the header, e.g. ("Age", "40 y"). */
    public record Fact(String label, String value) {
    }

    private HeaderFacts() {
    }

    static List<Fact> of(ReviewService.Header h, ZoneId zone) {
        List<Fact> out = new ArrayList<>();
        h.ageYears().ifPresent(a -> out.add(new Fact("Age", a + " y")));
        h.sex().filter(s -> !s.isBlank()).ifPresent(s -> out.add(new Fact("Sex", s)));
        h.temperatureCelsius().ifPresent(t -> out.add(new Fact("Temperature",
                String.format(Locale.ROOT, "%.1f \u00b0C", t))));
        out.add(new Fact("Protocol", h.protocol()));
        h.created().map(c -> DATE.withZone(zone).format(c)).or(h::dateText)
                .ifPresent(d -> out.add(new Fact("Date", d)));
        out.add(new Fact("Status", status(h.status())));
        h.trials().ifPresent(n -> out.add(new Fact("Trials", Integer.toString(n))));
        h.sites().filter(s -> !s.isBlank()).ifPresent(s -> out.add(new Fact("Sites", s)));
        h.stimulator().ifPresent(s -> out.add(new Fact("Stimulator", s)));
        return out;
    }

    /** "finished" → "Finished"; "recording" in a file nobody writes means its writer stopped. */
    static String status(String status) {
        if (status.equals("recording")) {
            return "Not closed";
        }
        return status.isEmpty() ? status : Character.toUpperCase(status.charAt(0)) + status.substring(1);
    }
}
