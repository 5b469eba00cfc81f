package org.excitrack.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.excitrack.tracking.StimulusResponsePoint;

/**
 * What an interrupted recording already holds, so a resumed session continues where it stopped: finished
 * sections are skipped, tracked points with their thresholds are not measured again, answered prompts are not
 * asked again, the stimulus-response curve's results are restored, and trial ids carry on.
 *
 * @param finishedSections sections the recording marks finished
 * @param completedPoints "section\u0000point" of every point whose tracked channels all have thresholds
 * @param stimulusResponse the recorded stimulus-response trials' results, if that step ran
 * @param thresholds the latest recorded threshold of each channel, by name, nA
 * @param inputs operator inputs already given, by name, in their base unit
 * @param answeredPrompts texts of prompts, questions and checklists already answered
 * @param nextTrialId the id the next trial takes
 */
public record ResumeState(Set<String> finishedSections, Set<String> completedPoints,
                          Optional<StimulusResponseState> stimulusResponse, Map<String, Long> thresholds,
                          Map<String, Double> inputs, Set<String> answeredPrompts, long nextTrialId) {

    public ResumeState {
        finishedSections = Set.copyOf(finishedSections);
        completedPoints = Set.copyOf(completedPoints);
        thresholds = Map.copyOf(thresholds);
        inputs = Map.copyOf(inputs);
        answeredPrompts = Set.copyOf(answeredPrompts);
        if (nextTrialId < 1) {
            throw new IllegalArgumentException("next trial id " + nextTrialId + " must be at least 1");
        }
    }

    /** A new session: nothing recorded yet. */
    public static ResumeState fresh() {
        return new ResumeState(Set.of(), Set.of(), Optional.empty(), Map.of(), Map.of(), Set.of(), 1);
    }

    public static String pointKey(String section, String point) {
        return section + "\u0000" + point;
    }

    /** The stimulus-response step's results as recorded: its points and the maximal response they confirmed. */
    public record StimulusResponseState(double maximalMicrovolts, List<StimulusResponsePoint> points) {
        public StimulusResponseState {
            points = List.copyOf(points);
        }
    }
}
