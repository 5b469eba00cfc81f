package org.excitrack.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.excitrack.storage.recording.Recording;
import org.excitrack.storage.recording.ThresholdInputs;
import org.excitrack.storage.recording.ThresholdRecord;
import org.excitrack.storage.recording.TrialRecord;
import org.excitrack.tracking.CurvePrior;
import org.excitrack.tracking.StimulusResponsePoint;
import org.excitrack.tracking.ThresholdBasis;
import org.excitrack.tracking.ThresholdEstimate;
import org.excitrack.tracking.TrackerKind;

/**
 * A recording's thresholds computed again from its stored trials, with the estimator, target and curve prior the
 * recording names for each (recording-format.md, schema 2): each input trial gives the point (test stimulus,
 * negative-peak response) its tracker had, and the estimator gives the threshold and its standard error.
 */
public final class RecomputedThresholds {

    /**
     * One threshold as stored and as computed again.
     *
     * @param section protocol section
     * @param point tracked point
     * @param channel the point's channel index, from 0
     * @param storedNanoamps the threshold the recording stores, nA
     * @param storedStandardErrorNanoamps its standard error as stored, nA
     * @param nanoamps the threshold computed again from the stored trials, nA
     * @param standardErrorNanoamps its standard error, nA
     * @param trials how many stored trials it was computed from
     */
    public record Threshold(String section, String point, int channel, double storedNanoamps,
                            double storedStandardErrorNanoamps, double nanoamps, double standardErrorNanoamps,
                            int trials) {
        /** |computed − stored| ÷ |stored|, for the threshold or its standard error, whichever differs more. */
        public double relativeDifference() {
            return Math.max(relative(nanoamps, storedNanoamps),
                    relative(standardErrorNanoamps, storedStandardErrorNanoamps));
        }

        /** 0 for equal values (NaN equals NaN: a standard error not estimated then or now). */
        private static double relative(double computed, double stored) {
            return Double.compare(computed, stored) == 0 ? 0 : Math.abs(computed - stored) / Math.abs(stored);
        }

        SessionCurves.MeasuredThreshold measured() {
            return new SessionCurves.MeasuredThreshold(section, point, channel, nanoamps);
        }
    }

    private RecomputedThresholds() {
    }

    /**
     * @throws InvalidRequestException if a threshold was stored without what it was computed from (every threshold
     *     of a schema-1 recording), names a tracker this version does not know, rests on a trial without a test
     *     stimulus or response, or can no longer be placed
     */
    public static List<Threshold> of(Recording recording) {
        Map<Long, TrialRecord> trials = new HashMap<>();
        for (TrialRecord t : recording.trials()) {
            trials.put(t.trialId(), t);
        }
        List<Threshold> out = new ArrayList<>();
        for (ThresholdRecord t : recording.thresholds()) {
            String which = t.section() + ", " + t.point() + ", channel " + t.channel();
            ThresholdInputs in = t.inputs().orElseThrow(() -> new InvalidRequestException("threshold " + which
                    + " was stored without the trials it was computed from"
                    + (recording.schemaVersion() < 2 ? " (schema-" + recording.schemaVersion() + " recordings "
                    + "keep only the thresholds)" : "") + "; it cannot be recomputed", null));
            ThresholdEstimate e = basis(which, in, trials).recompute().orElseThrow(() -> new InvalidRequestException(
                    "threshold " + which + ": its " + in.trialIds().size() + " stored trials no longer place it",
                    null));
            out.add(new Threshold(t.section(), t.point(), t.channel(), t.valueNanoamps(),
                    t.standardErrorNanoamps(), e.thresholdNanoamps(), e.standardErrorNanoamps(),
                    in.trialIds().size()));
        }
        return out;
    }

    /** The recomputed thresholds as the curves take them. */
    static List<SessionCurves.MeasuredThreshold> measured(List<Threshold> thresholds) {
        return thresholds.stream().map(Threshold::measured).toList();
    }

    private static ThresholdBasis basis(String which, ThresholdInputs in, Map<Long, TrialRecord> trials) {
        TrackerKind kind;
        CurvePrior prior;
        try {
            kind = TrackerKind.fromId(in.tracker());
            prior = new CurvePrior(in.priorLogLogSlope(), in.priorSlopeRelativeSd(), in.priorResidualSd(),
                    in.priorResidualDegreesOfFreedom(), in.priorMaximalResponseMicrovolts());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("threshold " + which + ": " + e.getMessage(), e);
        }
        List<StimulusResponsePoint> points = new ArrayList<>();
        for (long id : in.trialIds()) {
            TrialRecord trial = trials.get(id);
            if (trial == null || trial.testStimulusNanoamps().isEmpty()) {
                throw new InvalidRequestException("threshold " + which + " rests on trial " + id + ", which the "
                        + "recording " + (trial == null ? "does not hold" : "holds without its test stimulus"), null);
            }
            points.add(new StimulusResponsePoint(trial.testStimulusNanoamps().getAsLong(),
                    trial.response() == null ? Double.NaN : trial.response().negativePeakMicrovolts()));
        }
        return new ThresholdBasis(kind, in.targetMicrovolts(), prior, points);
    }
}
