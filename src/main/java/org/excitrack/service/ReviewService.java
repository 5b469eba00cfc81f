package org.excitrack.service;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.report.ReportContent;
import org.excitrack.storage.mem.MemFormatException;
import org.excitrack.storage.recording.Recording;
import org.excitrack.storage.recording.RecordingException;
import org.excitrack.storage.recording.RecordingFile;
import org.excitrack.storage.recording.RecordingStatus;

/**
 * What the workstation's Review step shows of one recording file (an Excitrack recording or a QTRAC MEM file): who
 * and what was recorded, the classic figure's content, the variables with their healthy mean ± SD and z, or for a
 * TMS recording the thresholds it found; and the subject's earlier recordings to compare it with.
 */
public final class ReviewService {
    /** A file that cannot be reviewed; the message says which and why, in words for the operator. */
    public static final class UnreadableRecordingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnreadableRecordingException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Who and what a recording is.
     *
     * @param status "finished", "interrupted", "recording" (its writer stopped without closing it) or "MEM file"
     * @param trials how many trials it holds; empty for a MEM file, which keeps none
     * @param stimulator the magnetic stimulator of a TMS recording, e.g. "Magstim BiStim² (serial 1234)"
     */
    public record Header(String subjectId, OptionalInt ageYears, Optional<String> sex,
                         OptionalDouble temperatureCelsius, String protocol, Optional<Instant> created,
                         Optional<String> dateText, String status, OptionalInt trials, Optional<String> sites,
                         Optional<String> stimulator) {
    }

    /**
     * One line of the variables table.
     *
     * @param group the figure panel the variable is read from ({@code Recording} for header values)
     * @param number QtracP's number as text, empty for a named extra
     * @param unit e.g. "ms", "%", empty for a ratio
     * @param normalMean the healthy mean at the subject's age, when the variable has a norm
     * @param normalSd the healthy SD at that age (approximate for log-normal variables: see ReviewLines)
     * @param flagged outside the healthy 2.5–97.5 % range (|z| &gt; 1.96), as the printed report flags it
     */
    public record Line(String group, String number, String name, String unit, double value, OptionalDouble normalMean,
                       OptionalDouble normalSd, OptionalDouble z, boolean flagged) {
        /** The key that finds this variable in another recording's comparison. */
        public String key() {
            return number.isEmpty() ? name : number;
        }
    }

    /**
     * One recording as the Review step shows it.
     *
     * @param figure the classic figure's and report's content; empty for a TMS recording
     * @param magnetic the thresholds (%MSO) and threshold changes (%) of a TMS recording
     * @param notes what the operator should know before reading it (interrupted, no variables…)
     */
    public record Review(Path file, Header header, Optional<ReportContent> figure, List<Line> variables,
                         List<MagneticResults.Value> magnetic, List<String> notes) {
        public Review {
            Objects.requireNonNull(file, "file");
            variables = List.copyOf(variables);
            magnetic = List.copyOf(magnetic);
            notes = List.copyOf(notes);
        }

        public boolean isMagnetic() {
            return figure.isEmpty();
        }
    }

    /**
     * This recording against an earlier one of the same subject.
     *
     * @param changes by {@link Line#key()}: the earlier value (a) and this one (b)
     * @param earlierCurves the earlier recording's curves, to overlay on the figure
     */
    public record Comparison(RecordingLibrary.Entry earlier, Map<String, ComparisonService.VariableChange> changes,
                             ExcitabilityRecording earlierCurves) {
        public Comparison {
            changes = Map.copyOf(changes);
        }
    }

    /**
     * @throws UnreadableRecordingException when the file is missing, of neither kind, damaged, or its protocol no
     *     longer compiles
     */
    public Review open(Path file) {
        try {
            if (ExcitabilityFiles.isMem(file)) {
                ExcitabilityRecording mem = ExcitabilityFiles.read(file);
                return nerve(file, mem, memHeader(file, mem), List.of());
            }
            Recording recording = RecordingFile.open(file);
            Header header = header(recording);
            if (MagneticReview.isMagnetic(recording)) {
                return MagneticReview.review(file, header, recording);
            }
            return nerve(file, ExcitabilityFiles.fromRecording(recording), header, notes(recording));
        } catch (InvalidRequestException | RecordingException | MemFormatException e) {
            throw new UnreadableRecordingException("Cannot open " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The subject's other readable recordings of the same protocol (a comparison across protocols would set different
     * measurements side by side) in {@code folder} and in the file's own folder, newest first.
     */
    public List<RecordingLibrary.Entry> earlier(Review review, Path folder) {
        Map<Path, RecordingLibrary.Entry> found = new LinkedHashMap<>();
        Path own = review.file().toAbsolutePath().normalize();
        List<Path> folders = new ArrayList<>(List.of(folder));
        if (own.getParent() != null && !own.getParent().equals(folder.toAbsolutePath().normalize())) {
            folders.add(own.getParent());
        }
        for (Path f : folders) {
            for (RecordingLibrary.Entry e : new RecordingLibrary(f).forSubject(review.header().subjectId())) {
                Path p = e.file().toAbsolutePath().normalize();
                if (!p.equals(own) && e.protocol().equals(review.header().protocol())) {
                    found.putIfAbsent(p, e);
                }
            }
        }
        return found.values().stream().sorted(java.util.Comparator.comparing((RecordingLibrary.Entry e) -> e.created().orElse(Instant.MIN))
                        .reversed()).toList();
    }

    /** @throws UnreadableRecordingException when either file cannot be read */
    public Comparison compare(Review review, RecordingLibrary.Entry earlier) {
        try {
            ComparisonService.ChangeReport report = new ComparisonService().compareTwo(earlier.file(), review.file());
            Map<String, ComparisonService.VariableChange> byKey = new LinkedHashMap<>();
            for (ComparisonService.VariableChange c : report.variables()) {
                byKey.put(c.number().isPresent() ? Integer.toString(c.number().getAsInt()) : c.name(), c);
            }
            return new Comparison(earlier, byKey, ExcitabilityFiles.read(earlier.file()));
        } catch (InvalidRequestException | RecordingException | MemFormatException e) {
            throw new UnreadableRecordingException("Cannot compare with " + earlier.file().getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Review nerve(Path file, ExcitabilityRecording curves, Header header, List<String> notes) {
        String name = file.getFileName().toString();
        AnalysisService.FileVariables variables = AnalysisService.analyze(name, curves);
        List<Line> lines = ReviewLines.of(variables.variables(), curves.header().ageYears());
        List<String> all = new ArrayList<>(notes);
        if (lines.isEmpty()) {
            all.add("No excitability variables: the recording holds too little of the protocol to compute any.");
        }
        return new Review(file, header, Optional.of(ReportService.content(name, curves)), lines, List.of(), all);
    }

    static List<String> notes(Recording recording) {
        if (recording.status() == RecordingStatus.INTERRUPTED) {
            return List.of("Interrupted after " + recording.trials().size() + " trials: its trials are kept and the "
                    + "curves and variables below are of what was measured. It can be resumed (excitrack resume).");
        }
        if (recording.status() == RecordingStatus.RECORDING) {
            return List.of("This recording was not closed (its writer stopped): the " + recording.trials().size()
                    + " trials committed are kept, and the curves and variables below are of those.");
        }
        return List.of();
    }

    static Header header(Recording r) {
        var s = r.metadata().subject();
        return new Header(s.pseudonymousId(), s.ageYears() == null ? OptionalInt.empty() : OptionalInt.of(s.ageYears()),
                Optional.ofNullable(s.sex()), s.skinTemperatureCelsius() == null ? OptionalDouble.empty()
                : OptionalDouble.of(s.skinTemperatureCelsius()), r.metadata().protocol().name(), Optional.of(r.created()),
                Optional.empty(), r.status().sql(), OptionalInt.of(r.trials().size()), Optional.ofNullable(s.sites()),
                r.magnetic().stimulator().map(m -> m.model().displayName()
                        + (m.serialNumber().isBlank() ? "" : " (serial " + m.serialNumber() + ")")));
    }

    private static Header memHeader(Path file, ExcitabilityRecording mem) {
        var h = mem.header();
        OptionalDouble age = h.ageYears();
        return new Header(h.name().orElse(file.getFileName().toString()),
                age.isPresent() ? OptionalInt.of((int) Math.round(age.getAsDouble())) : OptionalInt.empty(), h.sex(),
                h.temperatureCelsius(), h.protocol().orElse("?"), Optional.empty(), h.field("Date"), "MEM file",
                OptionalInt.empty(), h.field("S/R sites"), Optional.empty());
    }
}
