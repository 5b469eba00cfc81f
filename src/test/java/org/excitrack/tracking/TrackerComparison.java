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
 * is 40 % of it. Then each profile (TE +40 %, TE −40 %, recovery cycle) is run as one serial section with the
 * rules of {@code ProtocolSession}'s serial tracking, so the figures describe what a session does:
 * <ul>
 * <li>every tracker starts with the {@link CurvePrior#typicalNerve} prior (the slope is not carried from one
 *     condition to the next);</li>
 * <li>the control (test alone) starts each section from the stimulus-response curve at the target, with the
 *     curve's points as prior, and gets a new tracker at every step, started at its latest threshold, with its
 *     last {@value #CONTROL_HISTORY} points as prior; it is stimulated until it has an estimate;</li>
 * <li>then control and conditioned trials alternate until the conditioned tracker is converged or exhausted;</li>
 * <li>the conditioned tracker starts at its previous step's threshold (the curve's stimulus at the first step),
 *     with no points, and its precision scaled by control ÷ start, as a change from the control is measured.</li>
 * </ul>
 */
final class TrackerComparison {
    static final double JITTER = 0.015;            // 1.5 % trial-to-trial threshold jitter
    static final double NOISE_MICROVOLTS = 30;     // additive noise, ~1 % of the 3.2 mV target
    static final double TARGET_FRACTION = 0.4;
    /** As ProtocolSession's CONTROL_HISTORY: control points carried to the next step. */
    static final int CONTROL_HISTORY = 8;

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

    static Outcome serial(TrackerFactory factory, long seed, TrackingGoal goal, List<double[]> profiles) {
        SyntheticNerve nerve = SyntheticNerve.typical(seed, JITTER, NOISE_MICROVOLTS);
        MaximalResponseSearch search = new MaximalResponseSearch(1_000_000, 100_000_000, 100);
        for (OptionalLong s = search.nextStimulusNanoamps(); s.isPresent(); s = search.nextStimulusNanoamps()) {
            search.record(s.getAsLong(), nerve.respond(s.getAsLong(), SyntheticNerve.Condition.TEST_ALONE));
        }
        double target = TARGET_FRACTION * search.maximalResponseMicrovolts();
        CurvePrior prior = CurvePrior.typicalNerve(search.maximalResponseMicrovolts());
        List<StimulusResponsePoint> curve = search.allPoints();
        long curveStart = CurveInterpolation.stimulusFor(curve, target).orElse(curve.get(0).stimulusNanoamps());
        double controlTruth = nerve.thresholdNanoamps(target, SyntheticNerve.Condition.TEST_ALONE);
        int conditionedStimuli = 0;
        int controlStimuli = 0;
        int thresholds = 0;
        int missing = 0;
        List<Double> conditionedErrors = new ArrayList<>();
        List<Double> controlErrors = new ArrayList<>();
        Long controlThreshold = null;
        for (int section = 0; section < profiles.size(); section++) {
            List<SyntheticNerve.Condition> conditions =
                    ThresholdProfiles.conditions(profiles.get(section), seed * 31 + section);
            Tracker control = factory.create(target, curveStart, curve, prior, goal);
            List<StimulusResponsePoint> history = List.of();
            Long conditionedThreshold = null;
            for (SyntheticNerve.Condition condition : conditions) {
                long start = Math.max(1, conditionedThreshold != null ? conditionedThreshold : curveStart);
                double ratio = controlThreshold == null ? 1 : Math.min(1, (double) controlThreshold / start);
                Tracker conditioned = factory.create(target, start, List.of(), prior,
                        new TrackingGoal(goal.targetRelativeError() * ratio, goal.maxStimuli()));
                List<StimulusResponsePoint> all = new ArrayList<>(history);
                all.addAll(control.points());
                history = all.subList(Math.max(0, all.size() - CONTROL_HISTORY), all.size());
                long controlStart = Math.max(1, control.estimate().map(e -> Math.round(e.thresholdNanoamps()))
                        .orElse(control.nextStimulusNanoamps()));
                control = factory.create(target, controlStart, history, prior, goal);
                while (control.estimate().isEmpty() && !control.isExhausted()) {
                    controlThreshold = stimulate(control, nerve, SyntheticNerve.Condition.TEST_ALONE,
                            controlThreshold);
                }
                while (!conditioned.isDone()) {
                    controlThreshold = stimulate(control, nerve, SyntheticNerve.Condition.TEST_ALONE,
                            controlThreshold);
                    stimulate(conditioned, nerve, condition, null);
                }
                conditionedStimuli += conditioned.stimuliGiven();
                controlStimuli += control.stimuliGiven();
                thresholds++;
                double truth = nerve.thresholdNanoamps(target, condition);
                Optional<ThresholdEstimate> e = conditioned.estimate();
                if (e.isEmpty()) {
                    missing++;
                } else {
                    conditionedThreshold = Math.round(e.get().thresholdNanoamps());
                }
                conditionedErrors.add(e.map(x -> Math.abs(x.thresholdNanoamps() / truth - 1)).orElse(1.0));
                controlErrors.add(control.estimate().map(x -> Math.abs(x.thresholdNanoamps() / controlTruth - 1))
                        .orElse(1.0));
            }
        }
        return new Outcome(conditionedStimuli, controlStimuli, thresholds, conditionedErrors, controlErrors, missing);
    }

    /** One trial; returns the tracker's threshold after it (as the session keeps the control's), else {@code last}. */
    private static Long stimulate(Tracker tracker, SyntheticNerve nerve, SyntheticNerve.Condition condition,
                                  Long last) {
        long s = tracker.nextStimulusNanoamps();
        tracker.record(s, nerve.respond(s, condition));
        return tracker.estimate().map(e -> Math.round(e.thresholdNanoamps())).orElse(last);
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
        List<Outcome> outcomes = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            outcomes.add(serial(factory, seed, goal, standardProfiles()));
        }
        return summarize(outcomes);
    }
}
