package org.excitrack.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.excitrack.storage.recording.MagneticRecord;
import org.excitrack.storage.recording.Recording;

/**
 * The Review step's façade over a TMS recording's {@code magnetic_threshold} table: each motor threshold in %MSO and
 * each tracked point's threshold change, as {@link MagneticResults} reads them at the end of a run, so a recording
 * opened later reads the same as the run's summary.
 */
final class MagneticReview {
    private MagneticReview() {
    }

    /** A recording made with a magnetic stimulator (schema 3 keeps which one). */
    static boolean isMagnetic(Recording recording) {
        MagneticRecord m = recording.magnetic();
        return m.stimulator().isPresent() || !m.thresholds().isEmpty() || !m.pulses().isEmpty();
    }

    static ReviewService.Review review(Path file, ReviewService.Header header, Recording recording) {
        List<MagneticResults.Threshold> thresholds = recording.magnetic().thresholds().stream()
                .map(t -> new MagneticResults.Threshold(t.section(), t.point(), t.channel(), t.threshold())).toList();
        ProtocolService.Checked checked = new ProtocolService().checkText(recording.metadata().protocol().name(),
                recording.metadata().protocol().sourceText());
        List<String> notes = new ArrayList<>(ReviewService.notes(recording));
        List<MagneticResults.Value> values;
        if (checked.plan().isPresent()) {
            values = MagneticResults.of(checked.plan().get(), thresholds);
        } else {
            // without the plan the points cannot be paired with their reference; the thresholds themselves still hold
            values = thresholds.stream().map(t -> new MagneticResults.Value(t.channel(), t.point(),
                    t.threshold().percentMso(), "%MSO", finite(t.threshold().standardErrorPercentMso()))).toList();
            notes.add("The protocol this recording ran no longer compiles, so threshold changes are not computed; "
                    + "the thresholds are listed as found.");
        }
        if (values.isEmpty()) {
            notes.add("No magnetic threshold was found before the recording stopped.");
        }
        return new ReviewService.Review(file, header, Optional.empty(), List.of(), values, notes);
    }

    private static Optional<Double> finite(double v) {
        return Double.isFinite(v) ? Optional.of(v) : Optional.empty();
    }
}
