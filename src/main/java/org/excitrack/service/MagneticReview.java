package org.excitrack.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.excitrack.storage.recording.MagneticRecord;
import org.excitrack.storage.recording.Recording;

/**
 * The Review step's façade over a TMS recording: what {@link MagneticAnalysis} computes from the stored file, as
 * rows the screen lists.
 */
final class MagneticReview {
    private MagneticReview() {
    }

    /** A recording made with a magnetic stimulator (schema 3 keeps which one). */
    static boolean isMagnetic(Recording recording) {
        MagneticRecord m = recording.magnetic();
        return m.stimulator().isPresent() || !m.thresholds().isEmpty() || !m.pulses().isEmpty();
    }

    /**
     * Everything {@link MagneticAnalysis} finds in the file, as the Review step's rows: motor thresholds (with the
     * method), threshold changes per point and their means, amplitude ratios, the recruitment curve's fit and the
     * silent period, so the screen and {@code excitrack analyze} say the same.
     */
    static ReviewService.Review review(Path file, ReviewService.Header header, Recording recording) {
        MagneticAnalysis.Result result = MagneticAnalysis.of(file.getFileName().toString(), recording);
        List<String> notes = new ArrayList<>(ReviewService.notes(recording));
        List<MagneticResults.Value> values = new ArrayList<>();
        for (MagneticAnalysis.MotorThreshold t : result.motorThresholds()) {
            values.add(new MagneticResults.Value(t.name() + " (" + t.method() + ")", t.stimuli() + " stimuli"
                    + (t.converged() ? "" : ", not converged"), t.percentMso(), "%MSO", t.standardErrorPercentMso()));
        }
        for (MagneticAnalysis.ThresholdChanges c : result.thresholdChanges()) {
            for (MagneticAnalysis.PointChange p : c.points()) {
                values.add(new MagneticResults.Value(c.channel(), p.point(), p.changePercent(), "%", Optional.empty()));
            }
            c.mean().ifPresent(m -> values.add(new MagneticResults.Value(c.channel(), "mean", m, "%", Optional.empty())));
            c.mean1To3p5Millis().ifPresent(m -> values.add(new MagneticResults.Value(c.channel(), "mean 1–3.5 ms", m,
                    "%", Optional.empty())));
        }
        for (MagneticAnalysis.AmplitudeRatios a : result.amplitudeRatios()) {
            for (MagneticAnalysis.AmplitudeRatio r : a.points()) {
                values.add(new MagneticResults.Value(a.section() + " MEP ratio", r.point() + " (" + r.trials()
                        + " trials)", r.ratio(), "× test alone", Optional.empty()));
            }
        }
        for (MagneticAnalysis.RecruitmentCurve curve : result.recruitmentCurves()) {
            if (curve.fit().isPresent()) {
                MagneticAnalysis.Boltzmann b = curve.fit().get();
                values.add(new MagneticResults.Value(curve.section(), "MEPmax", b.mepMaxMicrovolts(), "µV",
                        finite(b.mepMaxStandardErrorMicrovolts())));
                values.add(new MagneticResults.Value(curve.section(), "S50", b.s50PercentMso(), "%MSO",
                        finite(b.s50StandardErrorPercentMso())));
                values.add(new MagneticResults.Value(curve.section(), "slope k", b.slopePercentMso(), "%MSO",
                        finite(b.slopeStandardErrorPercentMso())));
            } else {
                notes.add(curve.section() + ": no recruitment curve fitted (" + curve.problem() + ").");
            }
        }
        for (MagneticAnalysis.SilentPeriods sp : result.silentPeriods()) {
            if (sp.summary().isPresent()) {
                MagneticAnalysis.SilentPeriodStatistics st = sp.summary().get();
                values.add(new MagneticResults.Value("Silent period", "mean of " + st.found() + " of " + sp.trials(),
                        st.meanMillis(), "ms", Optional.empty(), finite(st.sdMillis())));
            } else {
                notes.add(sp.section() + ": no silent period found in " + sp.trials() + " trials.");
            }
        }
        if (values.isEmpty()) {
            notes.add("No magnetic threshold or measure was completed before the recording stopped.");
        }
        return new ReviewService.Review(file, header, Optional.empty(), List.of(), values, notes);
    }

    private static Optional<Double> finite(double v) {
        return Double.isFinite(v) ? Optional.of(v) : Optional.empty();
    }
}
