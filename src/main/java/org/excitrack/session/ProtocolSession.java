package org.excitrack.session;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.excitrack.device.AcquisitionUnit;
import org.excitrack.lang.PlanEstimate;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.plan.AcquisitionPlan;
import org.excitrack.model.plan.Condition;
import org.excitrack.model.plan.PlanSection;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.plan.PointNames;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionListener;
import org.excitrack.model.session.SessionState;
import org.excitrack.tracking.CmapMeasurer;
import org.excitrack.tracking.StimulusResponsePoint;
import org.excitrack.tracking.ThresholdEstimate;
import org.excitrack.tracking.TrackerKind;

/**
 * Runs a compiled protocol against an acquisition unit: the stimulus-response curve first (it finds the
 * maximal response and so sets the target), then each section's prompts, decisions and tracked points, every
 * trial checked against the limits before it leaves, every trial recorded as it completes, and events to the
 * listeners. Pause, resume, abort and emergency stop come through {@link SessionControl} from any thread.
 *
 * <p>This class walks the plan and decides what each step is; the work is done by its parts:
 * {@link UnitLink} (the unit, the safety layer, reconnection), {@link StimulusResponseCurve} (the maximal response
 * and the target), {@link ThresholdTracking} (tracked points, single, serial or parallel), {@link OperatorSteps}
 * (the operator's prompts and inputs), and {@link SessionReporter} (events, warnings, the recording of each trial
 * and progress).
 */
public final class ProtocolSession {
    private final ProtocolPlan plan;
    private final SessionControl control;
    private final SessionRecorder recorder;
    private final ResumeState resume;
    private final SectionLog sections;
    private final OperatorSteps dialogue;
    private final SessionReporter reporter;
    private final UnitLink link;
    private final StimulusResponseCurve curve;
    private final TrackedTrials trials;
    private final ThresholdTracking tracking;
    private TrackerKind trackerKind = TrackerKind.EXCITRACK;
    /** The latest threshold of each channel, by name, nA: tracked points set them, conditions and currents read them. */
    private final Map<String, Long> thresholds = new HashMap<>();
    /** The operator's inputs, by name, for later conditions. */
    private final Map<String, Double> inputs = new HashMap<>();

    /** A tracked point's result. */
    public record PointThreshold(String section, String point, String channel, ThresholdEstimate estimate,
                                 int stimuli, boolean converged) {
    }

    /** How the session ended and what it found. */
    public record Outcome(SessionState state, String reason, double maximalMicrovolts, double targetMicrovolts,
                          List<StimulusResponsePoint> stimulusResponse, List<PointThreshold> thresholds, long trials) {
        public Outcome {
            stimulusResponse = List.copyOf(stimulusResponse);
            thresholds = List.copyOf(thresholds);
        }
    }

    public ProtocolSession(AcquisitionUnit unit, ProtocolPlan plan, SafetyLimits limits, Operator operator,
                           SessionControl control, SessionRecorder recorder, Ticker ticker) {
        this(unit, plan, limits, operator, control, recorder, ticker, ResumeState.fresh());
    }

    /** A session that continues an interrupted recording from {@code resume}. */
    public ProtocolSession(AcquisitionUnit unit, ProtocolPlan plan, SafetyLimits limits, Operator operator,
                           SessionControl control, SessionRecorder recorder, Ticker ticker, ResumeState resume) {
        if (org.excitrack.model.plan.MagneticSteps.any(plan)) {
            throw new IllegalArgumentException("protocol \"" + plan.name() + "\" gives magnetic stimuli: it runs as a "
                    + "magnetic session, with a stimulator (--tms)");
        }
        AcquisitionPlan acquisition = plan.acquisition();
        this.resume = resume;
        this.plan = plan;
        this.control = control;
        this.recorder = recorder;
        CmapMeasurer measurer = CmapMeasurer.nerveDefaults();
        long[] sectionStimuli = plan.sections().stream()
                .mapToLong(s -> PlanEstimate.stimuli(s.steps(), acquisition)).toArray();
        long[] sectionPoints = plan.sections().stream().mapToLong(s -> trackedChannelPoints(s.steps())).toArray();
        this.reporter = new SessionReporter(recorder, measurer, thresholds,
                new ProgressEstimate(sectionStimuli, sectionPoints),
                acquisition.intervalMicros());
        this.sections = new SectionLog(recorder, reporter::emit);
        this.dialogue = new OperatorSteps(operator, control, recorder, reporter::emit, inputs);
        this.link = new UnitLink(unit, acquisition, limits, control, recorder, reporter, ticker);
        TrialBuilder builder = new TrialBuilder(acquisition.windowMicros());
        this.curve = new StimulusResponseCurve(acquisition, resume, link, builder, measurer, reporter, recorder,
                this::thresholdOf);
        this.trials = new TrackedTrials(acquisition, curve, link, builder, measurer, reporter, recorder, thresholds,
                this::thresholdOf);
        TrackerFactory trackers = new TrackerFactory(acquisition, curve, link, thresholds, () -> trackerKind);
        this.tracking = new ThresholdTracking(curve, trackers, trials, reporter, resume, thresholds,
                plan.sourceSha256());
    }

    /**
     * When the link to the unit is lost, pause, reconnect through {@code connector}, check it is the same unit,
     * and carry on with the trial that was in flight (the unit answers a repeated trial id from its cache, so no
     * trial is lost or given twice).
     */
    public void reconnectWith(UnitConnector unitConnector) {
        link.reconnectWith(unitConnector);
    }

    /** Which tracker follows each threshold: Excitrack's (the default) or the QTRAC-style baseline. */
    public void useTracker(TrackerKind kind) {
        this.trackerKind = kind;
    }

    public void addListener(SessionListener listener) {
        reporter.addListener(listener);
    }

    /** Runs the whole protocol; returns how it ended. The unit is disarmed at the end, whatever happens. */
    public Outcome run() throws InterruptedException {
        try {
            return runProtocol();
        } finally {
            link.closeIfReconnected();
        }
    }

    private Outcome runProtocol() throws InterruptedException {
        link.open(resume.nextTrialId());
        thresholds.putAll(resume.thresholds());
        inputs.putAll(resume.inputs());
        reporter.emit(new SessionEvent.StateChanged(SessionState.RUNNING, "started " + plan.name()));
        recorder.event("session", "started " + plan.name());
        SessionState end = SessionState.FINISHED;
        String reason = "finished";
        try {
            for (int i = 0; i < plan.sections().size(); i++) {
                PlanSection section = plan.sections().get(i);
                if (resume.finishedSections().contains(section.name())) {
                    restoreSkippedSection(section);
                    continue;
                }
                reporter.enterSection(i, section.name());
                trials.namePoints(PointNames.of(section));
                sections.started(i, plan.sections().size(), section.name());
                steps(section.steps());
                sections.finished(i, section.name());
            }
        } catch (SessionAbortedException e) {
            end = e.state();
            reason = e.getMessage();
        } catch (RuntimeException e) {
            sections.failed(e);
            disarmQuietly(e);
            throw e;
        }
        AcquisitionUnit unit = link.unit();
        if (end != SessionState.EMERGENCY_STOPPED) {
            unit.disarm();
        }
        String linkReport = unit.linkReport();
        if (!linkReport.isEmpty()) {
            recorder.event("link", linkReport);
        }
        recorder.event("session", end.name().toLowerCase(Locale.ROOT) + ": " + reason);
        reporter.emit(new SessionEvent.StateChanged(end, reason));
        return new Outcome(end, reason, curve.maximalMicrovolts(), curve.targetMicrovolts(), curve.points(),
                trials.results(), reporter.trialsDone());
    }

    private void steps(List<PlanStep> steps) throws InterruptedException {
        for (PlanStep step : steps) {
            control.checkpoint();
            step(step);
        }
    }

    private void step(PlanStep step) throws InterruptedException {
        if (alreadyAnswered(step)) {
            return;
        }
        if (dialogue.handles(step)) {
            dialogue.run(step);
        } else if (step instanceof PlanStep.StimulusResponse sr) {
            curve.run(sr.widthMicros());
        } else if (step instanceof PlanStep.Track t) {
            tracking.track(t);
        } else if (step instanceof PlanStep.Conditional c) {
            steps(holds(c.condition()) ? c.then() : c.otherwise());
        } else if (step instanceof PlanStep.Repeat r) {
            for (int i = 0; i < r.maxTimes() && holds(r.condition()); i++) {
                steps(r.body());
            }
        }
    }

    /** On resume, a prompt, question, checklist or input answered before is not asked again. */
    private boolean alreadyAnswered(PlanStep step) {
        String text = OperatorSteps.text(step);
        return text != null && resume.answeredPrompts().contains(text);
    }

    /** A finished section is not run again, but what it set (the target, thresholds) must hold for the rest. */
    private void restoreSkippedSection(PlanSection section) {
        if (containsStimulusResponse(section.steps()) && resume.stimulusResponse().isPresent()) {
            curve.restore(resume.stimulusResponse().get());
        }
        recorder.event("section", "skipped " + section.name() + " (already recorded)");
    }

    private static boolean containsStimulusResponse(List<PlanStep> steps) {
        for (PlanStep s : steps) {
            if (s instanceof PlanStep.StimulusResponse
                    || s instanceof PlanStep.Conditional c && (containsStimulusResponse(c.then())
                    || containsStimulusResponse(c.otherwise()))
                    || s instanceof PlanStep.Repeat r && containsStimulusResponse(r.body())) {
                return true;
            }
        }
        return false;
    }

    private long thresholdOf(String channel) {
        Long t = thresholds.get(channel);
        if (t == null) {
            throw new IllegalStateException("no threshold yet for channel \"" + channel + "\"");
        }
        return t;
    }

    private boolean holds(Condition c) {
        return new ConditionEvaluator(this::maximalForCondition, this::thresholdOf, inputs).holds(c);
    }

    /** A condition on the maximal response needs the stimulus-response curve to have run. */
    private double maximalForCondition() {
        curve.requireTarget();
        return curve.maximalMicrovolts();
    }

    private void disarmQuietly(RuntimeException cause) {
        try {
            link.unit().disarm();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** The thresholds a section's top-level track blocks find: one per tracked channel per point. */
    private static long trackedChannelPoints(java.util.List<org.excitrack.model.plan.PlanStep> steps) {
        long n = 0;
        for (org.excitrack.model.plan.PlanStep step : steps) {
            if (step instanceof org.excitrack.model.plan.PlanStep.Track t) {
                for (var point : t.points()) {
                    n += point.channels().stream().filter(org.excitrack.model.plan.ChannelPlan::tracked).count();
                }
            }
        }
        return n;
    }
}
