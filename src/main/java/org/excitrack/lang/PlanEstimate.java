package org.excitrack.lang;

import java.util.List;
import org.excitrack.model.plan.AcquisitionPlan;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.plan.TrackedPoint;

/**
 * Expected stimuli and duration of a plan, by a stated model (protocol-language.md, "Dry run"):
 * <ul>
 *   <li>a stimulus-response curve: 25 stimuli;</li>
 *   <li>the first point of a track block: every tracked channel starts cold, (min + max) / 2 stimuli;</li>
 *   <li>each later point: the minimum per tracked channel, except the reference (first) channel of a serial or
 *       parallel block, which is re-checked with one stimulus; untracked channels: one stimulus;</li>
 *   <li>bodies of 'if' and 'repeat' run only when needed and are not counted.</li>
 * </ul>
 * Duration is stimuli × the interval.
 */
public final class PlanEstimate {
    static final int STIMULUS_RESPONSE_STIMULI = 25;

    private PlanEstimate() {
    }

    public static long stimuli(List<PlanStep> steps, AcquisitionPlan a) {
        long total = 0;
        for (PlanStep s : steps) {
            total += stimuli(s, a);
        }
        return total;
    }

    public static long stimuli(PlanStep step, AcquisitionPlan a) {
        if (step instanceof PlanStep.StimulusResponse) {
            return STIMULUS_RESPONSE_STIMULI;
        }
        if (step instanceof PlanStep.MotorThreshold m) {
            return motorThresholdStimuli(m.method());
        }
        if (step instanceof PlanStep.Measure m) {
            // a channel that is the same at every point is given its repetitions once, not at each point
            return (long) m.repetitions() * m.points().stream().flatMap(p -> p.channels().stream()).distinct().count();
        }
        if (!(step instanceof PlanStep.Track t)) {
            return 0;
        }
        long total = 0;
        int cold = (a.minStimuliPerPoint() + a.maxStimuliPerPoint() + 1) / 2;
        for (int i = 0; i < t.points().size(); i++) {
            TrackedPoint p = t.points().get(i);
            boolean reference = true;
            for (ChannelPlan c : p.channels()) {
                if (!c.tracked()) {
                    total += 1;
                } else if (i == 0) {
                    total += cold;
                } else if (reference && t.mode() != PlanStep.TrackMode.SINGLE) {
                    total += 1;
                } else {
                    total += a.minStimuliPerPoint();
                }
                reference &= !c.tracked();
            }
        }
        return total;
    }

    /**
     * Typical stimuli to a motor threshold: IFCN relative frequency ≈ 45 here (tms.md §3.3 reports ≈ 75 when started
     * far above), ML-PEST its fixed 20, Excitrack's estimator ≈ 10 (RmtMethodsBenchmark).
     */
    static long motorThresholdStimuli(String method) {
        switch (method) {
            case "ifcn":
                return 45;
            case "ml-pest":
                return 20;
            default:
                return 10;
        }
    }

    public static double minutes(long stimuli, AcquisitionPlan a) {
        return stimuli * a.intervalMicros() / 60e6;
    }

    public static int trackedPoints(List<PlanStep> steps) {
        int n = 0;
        for (PlanStep s : steps) {
            if (s instanceof PlanStep.Track t) {
                n += t.points().size();
            } else if (s instanceof PlanStep.Conditional c) {
                n += trackedPoints(c.then()) + trackedPoints(c.otherwise());
            } else if (s instanceof PlanStep.Repeat r) {
                n += trackedPoints(r.body());
            }
        }
        return n;
    }
}
