package org.excitrack.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.excitrack.device.AcquisitionUnit;
import org.excitrack.device.MagneticStimulator;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.plan.AcquisitionPlan;
import org.excitrack.model.plan.PlanSection;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.plan.PointNames;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionListener;
import org.excitrack.model.session.SessionState;
import org.excitrack.model.tms.MagneticThreshold;
import org.excitrack.model.tms.TriggerWiring;
import org.excitrack.lang.PlanEstimate;

/**
 * Runs a magnetic (TMS) protocol: the acquisition unit records the EMG and times every magnetic pulse through its
 * trigger outputs, the stimulator is set and charged over its serial link before each trial. Motor thresholds are
 * hunted by the chosen method, tracked points by regression of log MEP on output, measure blocks give fixed
 * stimuli in a pseudo-random order. Every trial is checked against the unit's limits and the protocol's maximum
 * intensity before it leaves, and the stimulator is disarmed at the end whatever happens.
 */
public final class MagneticSession {
    private static final Duration WATCHDOG = Duration.ofSeconds(2);
    /**
     * The stimulator's watchdog wants a command every second while armed (tms.md §1.6), and its driver sends one
     * when half of that has passed: asking every quarter second keeps every gap under 1 s, trials included.
     */
    private static final long KEEP_ALIVE_MICROS = 250_000;

    private final AcquisitionUnit unit;
    private final MagneticStimulator stimulator;
    private final ProtocolPlan plan;
    private final AcquisitionPlan acquisition;
    private final SafetyLimits configuredLimits;
    private final Operator operator;
    private final SessionControl control;
    private final SessionRecorder recorder;
    private final Ticker ticker;
    private final MagneticEstimators estimators;
    private final TriggerWiring wiring;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final SectionLog sections;
    private final Map<String, Double> thresholds = new HashMap<>();
    private final List<Found> found = new ArrayList<>();
    private final Map<String, Double> inputs = new HashMap<>();
    private String motorThresholdMethod;
    private TrialRunner runner;
    private MagneticTrials trials;
    private MagneticTracks tracks;
    private OperatorSteps dialogue;
    private long trialsDone;
    private long trialsExpected;
    private String sectionName = "";

    /** A threshold the session found: a motor threshold (point empty) or a tracked point's. */
    public record Found(String section, String point, String channel, MagneticThreshold threshold) {
    }

    /**
     * A cortical silent period looked for in one accepted trial of a section whose background EMG asks for a
     * contraction.
     *
     * @param testPercentMso the output of the pulse that evoked it
     * @param silentPeriod empty when the EMG was not suppressed long enough, or had not come back by the sweep's end
     */
    public record SilentPeriodFound(String section, String point, String channel, long trialId, int testPercentMso,
                                    java.util.Optional<org.excitrack.tracking.tms.SilentPeriod> silentPeriod) {
    }

    /** How the session ended, the thresholds and the silent periods it found. */
    public record Outcome(SessionState state, String reason, List<Found> thresholds, long trials,
                          List<SilentPeriodFound> silentPeriods) {
        public Outcome {
            thresholds = List.copyOf(thresholds);
            silentPeriods = List.copyOf(silentPeriods);
        }

        public Outcome(SessionState state, String reason, List<Found> thresholds, long trials) {
            this(state, reason, thresholds, trials, List.of());
        }
    }

    public MagneticSession(AcquisitionUnit unit, MagneticStimulator stimulator, ProtocolPlan plan, SafetyLimits limits,
                           Operator operator, SessionControl control, SessionRecorder recorder, Ticker ticker,
                           MagneticEstimators estimators, TriggerWiring wiring) {
        this.unit = unit;
        this.stimulator = stimulator;
        this.plan = plan;
        this.acquisition = plan.acquisition();
        this.configuredLimits = limits;
        this.operator = operator;
        this.control = control;
        this.recorder = recorder;
        this.sections = new SectionLog(recorder, this::emit);
        this.ticker = ticker;
        this.estimators = estimators;
        this.wiring = wiring;
    }

    /**
     * @throws StimulusRefusedException when the plan gives more magnetic pulses in a trial than the unit can fire
     *     outputs of this stimulator by its own trigger lines; call it before creating a recording
     */
    public static void requireOutputs(ProtocolPlan plan, org.excitrack.model.tms.StimulatorModel model) {
        int pairs = plan.sections().stream().mapToInt(s -> org.excitrack.model.plan.MagneticSteps
                .mostPulsesPerChannel(s.steps())).max().orElse(0);
        int outputs = model.unitTriggeredOutputs();
        if (pairs > outputs) {
            throw new StimulusRefusedException("\"" + plan.name() + "\" gives " + pairs + " magnetic pulses in one trial, "
                    + "and the unit can fire " + outputs + " output of the " + model.displayName() + " by its trigger "
                    + "lines: paired pulses need a BiStim² (a MagPro's Dual mode is not driven by sessions yet). "
                    + "Nothing was given.");
        }
    }

    /** Every motor threshold of the protocol uses this method (ifcn, ml-pest, excitrack) instead of its own. */
    public void useMotorThresholdMethod(String method) {
        this.motorThresholdMethod = method;
    }

    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    public Outcome run() throws InterruptedException {
        requireOutputs(plan, stimulator.identity().model());
        control.attach(unit);
        control.onStop(this::disarmStimulatorQuietly);
        unit.configure(AmplifierSettings.nerveDefaults().withSampleRateHz(acquisition.sampleRateHz())
                .withDefaultWindow(new RecordingWindow(0, acquisition.windowMicros())));
        SafetyLimits inForce = unit.setLimits(UnitBackstop.limitsFor(configuredLimits)).tighterOf(configuredLimits);
        Ticker time = unit.virtualClock().<Ticker>map(clock -> fedBeforeEachTrial(new VirtualTicker(clock,
                KEEP_ALIVE_MICROS, this::keepAlive))).orElse(ticker);
        long interval = Math.max(acquisition.intervalMicros(), stimulator.identity().model().minPulseIntervalMicros());
        runner = new TrialRunner(unit, inForce, interval, time);
        trialsExpected = plan.sections().stream().mapToLong(s -> PlanEstimate.stimuli(s.steps(), acquisition)).sum();
        MagneticTrialBuilder builder = new MagneticTrialBuilder(wiring, stimulator.identity().model().unitTriggeredOutputs(),
                acquisition.windowMicros());
        trials = new MagneticTrials(stimulator, builder, acquisition.magnetic(), new Giver(), recorder, operator,
                this::emit);
        tracks = new MagneticTracks(trials, estimators, acquisition, this::threshold, this::found, control,
                plan.sourceSha256().hashCode());
        dialogue = new OperatorSteps(operator, control, recorder, this::emit, inputs);
        unit.arm(WATCHDOG);
        emit(new SessionEvent.StateChanged(SessionState.RUNNING, "started " + plan.name() + " with "
                + stimulator.identity().describe()));
        recorder.event("session", "started " + plan.name() + " with " + stimulator.identity().describe());
        SessionState end = SessionState.FINISHED;
        String reason = "finished";
        try {
            for (int i = 0; i < plan.sections().size(); i++) {
                PlanSection section = plan.sections().get(i);
                sectionName = section.name();
                tracks.names(PointNames.of(section));
                trials.useBand(section.backgroundEmg());
                sections.started(i, plan.sections().size(), section.name());
                steps(section.steps());
                sections.finished(i, section.name());
            }
        } catch (SessionAbortedException e) {
            end = e.state();
            reason = e.getMessage();
        } catch (RuntimeException e) {
            sections.failed(e);
            disarmAll(e);
            throw e;
        }
        disarmAll(null);
        recorder.event("session", end.name().toLowerCase(Locale.ROOT) + ": " + reason);
        emit(new SessionEvent.StateChanged(end, reason));
        return new Outcome(end, reason, found, trialsDone, trials.silentPeriods());
    }

    private void steps(List<PlanStep> steps) throws InterruptedException {
        for (PlanStep step : steps) {
            control.checkpoint();
            step(step);
        }
    }

    private void step(PlanStep step) throws InterruptedException {
        if (dialogue.handles(step)) {
            dialogue.run(step);
        } else if (step instanceof PlanStep.MotorThreshold m) {
            String method = motorThresholdMethod != null ? motorThresholdMethod : m.method();
            tracks.motorThreshold(sectionName, m.name(), method, m.targetMicrovolts());
        } else if (step instanceof PlanStep.Track t) {
            tracks.track(sectionName, t);
        } else if (step instanceof PlanStep.Measure m) {
            tracks.measure(sectionName, m);
        } else if (step instanceof PlanStep.Conditional c) {
            steps(new ConditionEvaluator(() -> Double.NaN, name -> Math.round(threshold(name)), inputs)
                    .holds(c.condition()) ? c.then() : c.otherwise());
        } else if (step instanceof PlanStep.Repeat r) {
            ConditionEvaluator conditions = new ConditionEvaluator(() -> Double.NaN, name -> Math.round(threshold(name)),
                    inputs);
            for (int i = 0; i < r.maxTimes() && conditions.holds(r.condition()); i++) {
                steps(r.body());
            }
        } else {
            throw new IllegalStateException("a magnetic session cannot run " + step.getClass().getSimpleName()
                    + "; nerve steps (stimulus-response curves) need the nerve session");
        }
    }

    private double threshold(String name) {
        Double t = thresholds.get(name);
        if (t == null) {
            throw new IllegalStateException("threshold \"" + name + "\" is not known yet");
        }
        return t;
    }

    private void found(Found f) {
        found.add(f);
        if (Double.isFinite(f.threshold().percentMso()) && (f.point().isEmpty() || !thresholds.containsKey(f.channel()))) {
            thresholds.put(f.channel(), f.threshold().percentMso());
        }
        recorder.magneticThreshold(f.section(), f.point(), f.channel(), f.threshold());
        emit(new SessionEvent.MagneticThresholdFound(f.section(), f.point(), f.channel(), f.threshold()));
    }

    /**
     * In virtual time nothing can talk to the stimulator while a trial runs (the unit jumps through the trial's
     * time; with hardware, the driver's keep-alive thread goes on meanwhile). The keep-alive between trials only
     * speaks once half the stimulator's 1 s watchdog has passed, so a trial could start with up to ≈ 750 ms of it
     * used, and a long sweep (a silent period's 500 ms) would run it out. So the stimulator hears from us when the
     * wait before a trial ends, and every trial up to ≈ 900 ms long fits in its watchdog.
     */
    private Ticker fedBeforeEachTrial(Ticker virtual) {
        return new Ticker() {
            @Override
            public long nanoTime() {
                return virtual.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                virtual.sleepNanos(nanos);
                stimulator.status();
            }
        };
    }

    /** Between trials in virtual time: the unit's watchdog and the stimulator's both need to hear from us. */
    private void keepAlive() {
        unit.status();
        stimulator.keepAlive();
    }

    private void disarmAll(RuntimeException cause) {
        disarmStimulatorQuietly();
        try {
            unit.disarm();
        } catch (RuntimeException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }

    private void disarmStimulatorQuietly() {
        stimulator.disarm();
    }

    private void emit(SessionEvent event) {
        for (SessionListener l : listeners) {
            l.on(event);
        }
    }

    /** The runner, counting trials and reporting progress; pause and stop are honoured before each trial. */
    private final class Giver implements MagneticTrials.TrialGiver {
        @Override
        public long nextTrialId() {
            return runner.nextTrialId();
        }

        @Override
        public TrialResult give(TrialSpec spec) throws InterruptedException {
            TrialResult result;
            try {
                // after the interval's wait, so a stop asked for during it sends nothing more
                result = runner.run(spec, () -> {
                    if (control.checkpoint()) {
                        emit(new SessionEvent.StateChanged(SessionState.RUNNING, "resumed"));
                        recorder.event("session", "resumed");
                    }
                });
            } catch (org.excitrack.device.UnitRefusedException e) {
                throw control.whenStopped(e);
            }
            trialsDone++;
            long remaining = Math.max(0, trialsExpected - trialsDone);
            emit(new SessionEvent.Progress(trialsDone, Math.max(trialsExpected, trialsDone),
                    Duration.ofNanos(remaining * acquisition.intervalMicros() * 1000L), sectionName,
                    java.util.OptionalDouble.empty()));
            return result;
        }
    }
}
