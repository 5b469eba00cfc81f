package org.excitrack.model.plan;

import java.util.List;

/** Whether a plan stimulates magnetically, and so needs a magnetic stimulator as well as the unit. */
public final class MagneticSteps {
    private MagneticSteps() {
    }

    public static boolean any(ProtocolPlan plan) {
        return plan.sections().stream().anyMatch(s -> any(s.steps()));
    }

    public static boolean any(List<PlanStep> steps) {
        for (PlanStep s : steps) {
            if (s instanceof PlanStep.MotorThreshold
                    || s instanceof PlanStep.Track t && anyPoint(t.points())
                    || s instanceof PlanStep.Measure m && anyPoint(m.points())
                    || s instanceof PlanStep.Conditional c && (any(c.then()) || any(c.otherwise()))
                    || s instanceof PlanStep.Repeat r && any(r.body())) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyPoint(List<TrackedPoint> points) {
        return points.stream().flatMap(p -> p.channels().stream()).flatMap(c -> c.elements().stream())
                .anyMatch(MagneticSteps::magnetic);
    }

    /** The most magnetic pulses any one channel of the plan gives (2 for a paired-pulse protocol). */
    public static int mostPulsesPerChannel(List<PlanStep> steps) {
        int most = 0;
        for (PlanStep s : steps) {
            List<TrackedPoint> points = s instanceof PlanStep.Track t ? t.points()
                    : s instanceof PlanStep.Measure m ? m.points() : List.of();
            for (TrackedPoint p : points) {
                for (ChannelPlan c : p.channels()) {
                    most = Math.max(most, (int) c.elements().stream().filter(MagneticSteps::magnetic).count());
                }
            }
            if (s instanceof PlanStep.MotorThreshold) {
                most = Math.max(most, 1);
            } else if (s instanceof PlanStep.Conditional c) {
                most = Math.max(most, Math.max(mostPulsesPerChannel(c.then()), mostPulsesPerChannel(c.otherwise())));
            } else if (s instanceof PlanStep.Repeat r) {
                most = Math.max(most, mostPulsesPerChannel(r.body()));
            }
        }
        return most;
    }

    public static boolean magnetic(StimulusElement e) {
        return e instanceof StimulusElement.MagneticTest || e instanceof StimulusElement.MagneticPulse;
    }
}
