package org.excitrack.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs whole serial-tracking sections on a {@link SyntheticNerve} and scores the thresholds against the truth:
 * the harness behind the tracker comparison and the tuning of the baseline.
 *
 * <p>Per seed: a nerve is drawn, the maximal response is found with {@link MaximalResponseSearch}, the target
 * is 40 % of it, and the control starts from the stimulus-response curve (its points as prior, a
 * {@link CurvePrior#typicalNerve()} slope prior). Then each profile (TE +40 %, TE −40 %, recovery cycle) is run
 * as one {@link SerialSchedule} section, the control carrying over from one section to the next.
 */
final class TrackerComparison {
    static final double JITTER = 0.015;            // 1.5 % trial-to-trial threshold jitter
    static final double NOISE_MICROVOLTS = 30;     // additive noise, ~1 % of the 3.2 mV target
    static final double TARGET_FRACTION = 0.4;

    private TrackerComparison() {
    }

    /** What one seed's sections cost and how close they came. */
    record Outcome(int conditionedStimuli, int controlStimuli, int conditionedThresholds,
                   List<Double> conditionedErrors, List<Double> controlErrors, int missing) {
    }

    static List<double[]> standardProfiles() {
        return List.of(ThresholdProfiles.teDepolarizing(), ThresholdProfiles.teHyperpolarizing(),
                ThresholdProfiles.recoveryCycle());
    }

    static Outcome serial(TrackerFactory factory, long seed, TrackingGoal goal, List<double[]> profiles,
                          SerialSchedule.ControlPolicy policy) {
        SyntheticNerve nerve = SyntheticNerve.typical(seed, JITTER, NOISE_MICROVOLTS);
        MaximalResponseSearch search = new MaximalResponseSearch(1_000_000, 100_000_000, 100);
        for (OptionalLong s = search.nextStimulusNanoamps(); s.isPresent(); s = search.nextStimulusNanoamps()) {
            search.record(s.getAsLong(), nerve.respond(s.getAsLong(), SyntheticNerve.Condition.TEST_ALONE));
        }
        double target = TARGET_FRACTION * search.maximalResponseMicrovolts();
        double controlTruth = nerve.thresholdNanoamps(target, SyntheticNerve.Condition.TEST_ALONE);
        WarmStart controlStart = WarmStart.fromCurve(search.allPoints(), target, search.allPoints().get(0)
                .stimulusNanoamps(), CurvePrior.typicalNerve(search.maximalResponseMicrovolts()));
        int conditionedStimuli = 0;
        int controlStimuli = 0;
        int thresholds = 0;
        int missing = 0;
        List<Double> conditionedErrors = new ArrayList<>();
        List<Double> controlErrors = new ArrayList<>();
        for (int section = 0; section < profiles.size(); section++) {
            List<SyntheticNerve.Condition> conditions =
                    ThresholdProfiles.conditions(profiles.get(section), seed * 31 + section);
            SerialSchedule schedule = new SerialSchedule(factory, target, 2, conditions.size(), controlStart, goal,
                    policy);
            for (Optional<ScheduledTrial> t = schedule.next(); t.isPresent(); t = schedule.next()) {
                ScheduledTrial trial = t.get();
                SyntheticNerve.Condition c = trial.isControl() ? SyntheticNerve.Condition.TEST_ALONE
                        : conditions.get(trial.stepIndex());
                schedule.completed(trial, trial.stimulusNanoamps(), nerve.respond(trial.stimulusNanoamps(), c));
            }
            for (int k = 0; k < conditions.size(); k++) {
                Tracker conditioned = schedule.tracker(1, k).orElseThrow();
                Tracker control = schedule.tracker(0, k).orElseThrow();
                conditionedStimuli += conditioned.stimuliGiven();
                controlStimuli += control.stimuliGiven();
                thresholds++;
                double truth = nerve.thresholdNanoamps(target, conditions.get(k));
                Optional<ThresholdEstimate> e = conditioned.estimate();
                if (e.isEmpty()) {
                    missing++;
                }
                conditionedErrors.add(e.map(x -> Math.abs(x.thresholdNanoamps() / truth - 1)).orElse(1.0));
                controlErrors.add(control.estimate().map(x -> Math.abs(x.thresholdNanoamps() / controlTruth - 1))
                        .orElse(1.0));
            }
            Tracker lastControl = schedule.tracker(0, conditions.size() - 1).orElseThrow();
            controlStart = new WarmStart(ConditionTrackers.following(lastControl).startNanoamps(),
                    lastControl.points(), lastControl.curvePriorForNextCondition());
        }
        return new Outcome(conditionedStimuli, controlStimuli, thresholds, conditionedErrors, controlErrors, missing);
    }

    /** Summary over seeds: stimuli per conditioned threshold, control stimuli per step, error quantiles. */
    record Summary(double stimuliPerThreshold, double controlStimuliPerStep, double medianError, double p90Error,
                   double controlMedianError, int missing) {
        @Override
        public String toString() {
            return String.format("%.2f conditioned + %.2f control stimuli per step; |error| median %.2f %%, "
                            + "90th pct %.2f %% (control median %.2f %%); %d without estimate",
                    stimuliPerThreshold, controlStimuliPerStep, 100 * medianError, 100 * p90Error,
                    100 * controlMedianError, missing);
        }
    }

    static Summary summarize(List<Outcome> outcomes) {
        int stimuli = 0;
        int control = 0;
        int thresholds = 0;
        int missing = 0;
        List<Double> errors = new ArrayList<>();
        List<Double> controlErrors = new ArrayList<>();
        for (Outcome o : outcomes) {
            stimuli += o.conditionedStimuli();
            control += o.controlStimuli();
            thresholds += o.conditionedThresholds();
            missing += o.missing();
            errors.addAll(o.conditionedErrors());
            controlErrors.addAll(o.controlErrors());
        }
        return new Summary((double) stimuli / thresholds, (double) control / thresholds, Quantiles.of(errors, 0.5),
                Quantiles.of(errors, 0.9), Quantiles.of(controlErrors, 0.5), missing);
    }

    static Summary run(TrackerFactory factory, int seeds, TrackingGoal goal) {
        return run(factory, seeds, goal, SerialSchedule.ControlPolicy.ALTERNATE);
    }

    static Summary run(TrackerFactory factory, int seeds, TrackingGoal goal, SerialSchedule.ControlPolicy policy) {
        List<Outcome> outcomes = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            outcomes.add(serial(factory, seed, goal, standardProfiles(), policy));
        }
        return summarize(outcomes);
    }
}
