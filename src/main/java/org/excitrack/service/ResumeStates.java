package org.excitrack.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.excitrack.model.Pulse;
import org.excitrack.model.plan.PlanSection;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.plan.PointNames;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.model.plan.TrackedPoint;
import org.excitrack.session.ResumeState;
import org.excitrack.storage.recording.RecordedEvent;
import org.excitrack.storage.recording.RecordedPrompt;
import org.excitrack.storage.recording.Recording;
import org.excitrack.storage.recording.ThresholdRecord;
import org.excitrack.storage.recording.TrialRecord;
import org.excitrack.tracking.StimulusResponsePoint;

/** Reads where an interrupted recording stopped, from what it holds, for a session to continue it. */
final class ResumeStates {
    private static final String FINISHED_SECTION = "finished ";

    private ResumeStates() {
    }

    static ResumeState of(ProtocolPlan plan, Recording recording, long nextTrialId) {
        Set<String> finished = new HashSet<>();
        boolean stimulusResponseDone = false;
        for (RecordedEvent e : recording.events()) {
            if (e.kind().equals("section") && e.detail().startsWith(FINISHED_SECTION)) {
                finished.add(e.detail().substring(FINISHED_SECTION.length()));
            }
            stimulusResponseDone |= e.kind().equals("maximal response");
        }
        Map<String, Set<Integer>> measured = new HashMap<>();
        Map<String, Long> thresholds = new HashMap<>();
        for (ThresholdRecord t : recording.thresholds()) {
            measured.computeIfAbsent(ResumeState.pointKey(t.section(), t.point()), k -> new HashSet<>()).add(t.channel());
            channelName(plan, t).ifPresent(name -> thresholds.put(name, Math.round(t.valueNanoamps())));
        }
        Set<String> completed = new HashSet<>();
        for (PlanSection section : plan.sections()) {
            for (Map.Entry<TrackedPoint, String> p : PointNames.of(section).entrySet()) {
                String key = ResumeState.pointKey(section.name(), p.getValue());
                Set<Integer> have = measured.getOrDefault(key, Set.of());
                boolean all = true;
                for (int i = 0; i < p.getKey().channels().size(); i++) {
                    all &= !p.getKey().channels().get(i).tracked() || have.contains(i);
                }
                if (all) {
                    completed.add(key);
                }
            }
        }
        Set<String> answered = new HashSet<>();
        for (RecordedPrompt p : recording.prompts()) {
            answered.add(p.text());
        }
        return new ResumeState(finished, completed, stimulusResponseDone ? Optional.of(stimulusResponse(recording))
                : Optional.empty(), thresholds, inputsOf(plan, recording), answered, nextTrialId);
    }

    /** The operator's inputs as recorded: the answer to each input's label starts with its value. */
    static Map<String, Double> inputsOf(ProtocolPlan plan, Recording recording) {
        Map<String, Double> values = new HashMap<>();
        List<PlanStep.Input> inputs = new ArrayList<>();
        for (PlanSection s : plan.sections()) {
            collect(s.steps(), inputs);
        }
        for (PlanStep.Input in : inputs) {
            for (RecordedPrompt p : recording.prompts()) {
                if (p.text().equals(in.label())) {
                    try {
                        values.put(in.name(), Double.parseDouble(p.answer().split(" ")[0]));
                    } catch (NumberFormatException e) {
                        throw new InvalidRequestException("the recorded answer to \"" + in.label() + "\" is not a "
                                + "number: " + p.answer(), e);
                    }
                }
            }
        }
        return values;
    }

    private static ResumeState.StimulusResponseState stimulusResponse(Recording recording) {
        List<TrialRecord> trials = recording.trials().stream()
                .filter(t -> ExcitabilityFiles.STIMULUS_RESPONSE_POINTS.contains(t.pointLabel())).toList();
        List<StimulusResponsePoint> points = new ArrayList<>();
        for (TrialRecord t : trials) {
            // the stimulus the session chose, as the curve had it; older files only have the pulses as delivered
            long stimulus = t.testStimulusNanoamps().orElseGet(() -> t.result().deliveredPulses().stream()
                    .mapToLong(Pulse::amplitudeNanoamps).max().orElse(0));
            points.add(new StimulusResponsePoint(stimulus, t.response().negativePeakMicrovolts()));
        }
        return new ResumeState.StimulusResponseState(ExcitabilityFiles.maximal(trials), points);
    }

    private static Optional<String> channelName(ProtocolPlan plan, ThresholdRecord t) {
        for (PlanSection section : plan.sections()) {
            if (section.name().equals(t.section())) {
                for (Map.Entry<TrackedPoint, String> p : PointNames.of(section).entrySet()) {
                    if (p.getValue().equals(t.point()) && t.channel() < p.getKey().channels().size()) {
                        return Optional.of(p.getKey().channels().get(t.channel()).name());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static void collect(List<PlanStep> steps, List<PlanStep.Input> into) {
        for (PlanStep s : steps) {
            if (s instanceof PlanStep.Input in) {
                into.add(in);
            } else if (s instanceof PlanStep.Conditional c) {
                collect(c.then(), into);
                collect(c.otherwise(), into);
            } else if (s instanceof PlanStep.Repeat r) {
                collect(r.body(), into);
            }
        }
    }
}
