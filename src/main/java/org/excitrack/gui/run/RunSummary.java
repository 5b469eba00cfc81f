package org.excitrack.gui.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.excitrack.model.session.SessionState;
import org.excitrack.service.AnalysisService;
import org.excitrack.service.MagneticResults;
import org.excitrack.service.RunService;

/**
 * The end of a run as the Run screen shows it: how it ended and why, how many trials, where it was recorded, and
 * the few results a clinician looks at first. The full table is the Review step's.
 *
 * @param outcome "Finished", "Aborted", "Emergency stop" or "Failed"
 * @param finished whether the protocol ran to its end (the card is calm, not a warning)
 * @param results up to {@link #MAX_RESULTS}: the TMS thresholds, else the excitability variables with z-scores
 */
public record RunSummary(String outcome, boolean finished, String reason, long trials, String recording,
                         List<Result> results) {
    static final int MAX_RESULTS = 8;

    public RunSummary {
        results = List.copyOf(results);
    }

    /**
     * One result line.
     *
     * @param value with its unit where it has one ("35.3 %MSO", "2.85")
     * @param note the z-score or standard error ("z +0.22", "SE 1.2")
     * @param outside whether the value lies outside the normal range (shown as a warning, never hidden)
     */
    public record Result(String name, String value, String note, boolean outside) {
    }

    static RunSummary of(RunService.RunReport report) {
        List<Result> lines = new ArrayList<>();
        for (MagneticResults.Value v : report.magnetic()) {
            lines.add(new Result(v.name() + (v.point().isEmpty() ? "" : " " + v.point()),
                    String.format(Locale.ROOT, "%.1f %s", v.value(), v.unit()),
                    v.standardError().map(se -> String.format(Locale.ROOT, "SE %.1f", se)).orElse(""), false));
        }
        for (AnalysisService.Variable v : report.variables()) {
            if (Double.isFinite(v.value()) && v.zScore().isPresent()) {
                lines.add(new Result(readable(v.name()), String.format(Locale.ROOT, "%.3g", v.value()),
                        String.format(Locale.ROOT, "z %+.2f", v.zScore().getAsDouble()), v.outsideNormalRange()));
            }
        }
        return new RunSummary(outcome(report.state()), report.state() == SessionState.FINISHED, report.reason(),
                report.trials(), report.recording().getFileName().toString(),
                lines.subList(0, Math.min(MAX_RESULTS, lines.size())));
    }

    /** QTRAC's variable names mark line breaks with a backslash ("Strength-duration\time constant"). */
    static String readable(String name) {
        return name.replace("\\", " ").replaceAll("\\s+", " ").replace("( ", "(").trim();
    }

    /** A run that ended with an error before or during the session. */
    static RunSummary failed(String why, long trials, String recording) {
        return new RunSummary("Failed", false, why, trials, recording, List.of());
    }

    static String outcome(SessionState state) {
        switch (state) {
            case FINISHED:
                return "Finished";
            case ABORTED:
                return "Aborted";
            case EMERGENCY_STOPPED:
                return "Emergency stop";
            case FAILED:
                return "Failed";
            default:
                return state.name().toLowerCase(Locale.ROOT);
        }
    }
}
