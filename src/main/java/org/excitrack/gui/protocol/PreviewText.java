package org.excitrack.gui.protocol;

import java.util.Locale;
import org.excitrack.service.ProtocolPreview;
import org.excitrack.service.ProtocolService;

/** How the Protocol step words estimates and verdicts, in one place so list and check agree. */
final class PreviewText {
    private PreviewText() {
    }

    static String estimate(long stimuli, double minutes) {
        return "≈" + stimuli + " stimuli  ·  " + minutes(minutes);
    }

    static String estimate(ProtocolService.BuiltIn b) {
        return estimate(b.estimatedStimuli(), b.estimatedMinutes());
    }

    static String minutes(double minutes) {
        return minutes < 10 ? String.format(Locale.ROOT, "≈%.1f min", minutes)
                : String.format(Locale.ROOT, "≈%.0f min", minutes);
    }

    /** "Valid  ·  5 sections  ·  ≈695 stimuli  ·  ≈12 min", or what is wrong. */
    static String verdict(ProtocolPreview.Preview p) {
        if (!p.valid()) {
            return "Not valid: the checker's findings are below.";
        }
        return p.estimate().map(e -> "Valid  ·  " + e.sections() + (e.sections() == 1 ? " section" : " sections")
                + "  ·  " + estimate(e.stimuli(), e.minutes())).orElse("Valid");
    }
}
