package org.excitrack.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.excitrack.model.Pulse;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.storage.mem.MemReader;
import org.excitrack.storage.recording.Recording;
import org.excitrack.storage.recording.RecordingFile;
import org.excitrack.storage.recording.SubjectInfo;
import org.excitrack.storage.recording.ThresholdRecord;
import org.excitrack.storage.recording.TrialRecord;
import org.excitrack.tracking.StimulusResponsePoint;

/**
 * Reads the two kinds of file the analysis commands take: QTRAC MEM files and Excitrack recordings
 * ({@code .excitrack}). A recording's curves are rebuilt from what it holds: the protocol it ran (recompiled from
 * the source it keeps), its thresholds, and its stimulus-response trials, so re-analysis never depends on
 * numbers computed when it was recorded.
 */
public final class ExcitabilityFiles {
    public static final String RECORDING_SUFFIX = ".excitrack";
    /** The stimulus-response trials' point names, as the session records them. */
    static final List<String> STIMULUS_RESPONSE_POINTS = List.of("maximal response", "ramp");
    /** The maximal response is the mean of the search's supramaximal trials, its last ones. */
    private static final int SUPRAMAXIMAL_TRIALS = 2;

    private ExcitabilityFiles() {
    }

    /** Whether {@code file}'s name says which kind it is. */
    public static boolean isReadable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".mem") || name.endsWith(RECORDING_SUFFIX);
    }

    /**
     * @throws InvalidRequestException when the file is missing or of neither kind
     * @throws org.excitrack.storage.mem.MemFormatException for a malformed MEM file (names the line)
     * @throws org.excitrack.storage.recording.RecordingFormatException for a file that is not a readable recording
     */
    public static ExcitabilityRecording read(Path file) {
        if (isMem(file)) {
            return new MemReader().read(file);
        }
        return fromRecording(RecordingFile.open(file));
    }

    /**
     * Whether {@code file} is a MEM file rather than a recording.
     *
     * @throws InvalidRequestException when the file is missing or of neither kind
     */
    static boolean isMem(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidRequestException("no such file: " + file, null);
        }
        if (!isReadable(file)) {
            throw new InvalidRequestException(file + " is neither a QTRAC .MEM file nor an Excitrack recording ("
                    + RECORDING_SUFFIX + ")", null);
        }
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mem");
    }

    /** The curves of an Excitrack recording, from its stored thresholds. */
    public static ExcitabilityRecording fromRecording(Recording recording) {
        List<SessionCurves.MeasuredThreshold> thresholds = new ArrayList<>();
        for (ThresholdRecord t : recording.thresholds()) {
            thresholds.add(new SessionCurves.MeasuredThreshold(t.section(), t.point(), t.channel(), t.valueNanoamps()));
        }
        return fromRecording(recording, thresholds);
    }

    /** The curves of an Excitrack recording, from the thresholds given (e.g. recomputed from its trials). */
    static ExcitabilityRecording fromRecording(Recording recording,
                                               List<SessionCurves.MeasuredThreshold> thresholds) {
        ProtocolService.Checked checked = new ProtocolService().checkText(recording.metadata().protocol().name(),
                recording.metadata().protocol().sourceText());
        ProtocolPlan plan = checked.plan().orElseThrow(() -> new InvalidRequestException("the protocol this "
                + "recording ran no longer compiles, so its curves cannot be rebuilt:\n" + checked.diagnostics(), null));
        List<TrialRecord> sr = recording.trials().stream()
                .filter(t -> STIMULUS_RESPONSE_POINTS.contains(t.pointLabel())).toList();
        List<StimulusResponsePoint> points = new ArrayList<>();
        for (TrialRecord t : sr) {
            long stimulus = t.result().deliveredPulses().stream().mapToLong(Pulse::amplitudeNanoamps).max().orElse(0);
            points.add(new StimulusResponsePoint(stimulus, t.response().negativePeakMicrovolts()));
        }
        Map<String, String> header = header(recording);
        latencyMillis(sr).ifPresent(l -> header.put("Latency", Double.toString(l)));
        return SessionCurves.curves(plan, thresholds, points, maximal(sr), header);
    }

    /** What the session's search confirmed as maximal: the mean of its last, supramaximal, trials. */
    static double maximal(List<TrialRecord> stimulusResponse) {
        return supramaximal(stimulusResponse).stream().mapToDouble(t -> t.response().negativePeakMicrovolts())
                .average().orElse(Double.NaN);
    }

    /** The search's last trials, given at supramaximal strength. */
    private static List<TrialRecord> supramaximal(List<TrialRecord> stimulusResponse) {
        List<TrialRecord> search = stimulusResponse.stream().filter(t -> t.pointLabel().equals("maximal response"))
                .sorted(Comparator.comparingLong(t -> t.result().trialId())).toList();
        return search.subList(Math.max(0, search.size() - SUPRAMAXIMAL_TRIALS), search.size());
    }

    /**
     * QtracP's variable 19, whose reference point is not documented (trondnf.md §4.1); ours: the latency of the
     * negative peak of the maximal CMAP from the test pulse's onset, the mean over the supramaximal trials.
     */
    static java.util.OptionalDouble latencyMillis(List<TrialRecord> stimulusResponse) {
        return supramaximal(stimulusResponse).stream().mapToDouble(t -> t.response().latencyMicros() / 1000)
                .average();
    }

    private static Map<String, String> header(Recording recording) {
        SubjectInfo s = recording.metadata().subject();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Name", s.pseudonymousId());
        h.put("Protocol", recording.metadata().protocol().name());
        h.put("Date", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneOffset.UTC).format(recording.created()) + " UTC");
        if (s.ageYears() != null) {
            h.put("Age", Integer.toString(s.ageYears()));
        }
        if (s.sex() != null) {
            h.put("Sex", s.sex());
        }
        if (s.skinTemperatureCelsius() != null) {
            h.put("Temperature", Double.toString(s.skinTemperatureCelsius()));
        }
        if (s.sites() != null) {
            h.put("S/R sites", s.sites());
        }
        if (s.group() != null) {
            h.put("NC/disease", s.group());
        }
        h.put("Operator", recording.metadata().operator());
        return h;
    }
}
