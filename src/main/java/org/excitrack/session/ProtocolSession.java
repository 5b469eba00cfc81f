package org.excitrack.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.excitrack.device.AcquisitionUnit;
import org.excitrack.device.DeviceException;
import org.excitrack.device.DeviceTimeoutException;
import org.excitrack.device.LinkLostException;
import org.excitrack.lang.PlanEstimate;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.Response;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.plan.AcquisitionPlan;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.Condition;
import org.excitrack.model.plan.PlanSection;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.plan.PointNames;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.model.plan.StimulusElement;
import org.excitrack.model.plan.TrackedPoint;
import org.excitrack.model.session.MeasuredSweep;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionListener;
import org.excitrack.model.session.SessionState;
import org.excitrack.tracking.CmapMeasurer;
import org.excitrack.tracking.CurveInterpolation;
import org.excitrack.tracking.MaximalResponseSearch;
import org.excitrack.tracking.CurvePrior;
import org.excitrack.tracking.Tracker;
import org.excitrack.tracking.TrackerKind;
import org.excitrack.tracking.TrackingGoal;
import org.excitrack.tracking.StimulusResponsePoint;
import org.excitrack.tracking.ThresholdBasis;
import org.excitrack.tracking.ThresholdEstimate;

/**
 * Runs a compiled protocol against an acquisition unit: the stimulus-response curve first (it finds the
 * maximal response and so sets the target), then each section's prompts, decisions and tracked points, every
 * trial checked against the limits before it leaves, every trial recorded as it completes, and events to the
 * listeners. Pause, resume, abort and emergency stop come through {@link SessionControl} from any thread.
 *
 * <p>Tracked sections: a single channel is tracked point by point; in serial tracking the first tracked channel
 * is the control (test alone), tracked throughout, and each point alternates it with the conditioned channels
 * until they converge; in parallel tracking the points' conditions are interleaved pseudo-randomly with control
 * trials. Untracked channels (a conditioning pulse alone) are recorded once per point and subtracted from the
 * conditioned sweeps, which removes the conditioning CMAP at short intervals.
 */
public final class ProtocolSession {
    private static final Duration WATCHDOG = Duration.ofSeconds(2);
    /** Responses below this are noise while the maximal response is searched for. */
    private static final double MIN_RESPONSE_MICROVOLTS = 100;
    private static final long FIRST_STIMULUS_NANOAMPS = 1_000_000;
    /** Stimuli of the stimulus-response ramp between the foot and the top of the curve. */
    private static final int RAMP_STIMULI = 16;
    /** Control points kept when the control channel's tracker moves to the next point. */
    private static final int CONTROL_HISTORY = 8;
    /** Control trials interleaved in parallel tracking: one in this many. */
    private static final int PARALLEL_CONTROL_EVERY = 3;
    private static final double NOISY_MICROVOLTS_RMS = 50;
    private static final int RECONNECT_ATTEMPTS = 5;
    private static final long RECONNECT_BACKOFF_NANOS = 1_000_000_000L;

    private AcquisitionUnit unit;
    /** The unit the caller gave, which the caller closes; units reconnected during the run are the session's. */
    private final AcquisitionUnit given;
    private UnitConnector connector;
    private TrackerKind trackerKind = TrackerKind.EXCITRACK;
    private AmplifierSettings amplifier;
    private SafetyLimits limitsInForce;
    private Ticker time;
    private final ProtocolPlan plan;
    private final AcquisitionPlan acquisition;
    private final SafetyLimits configuredLimits;
    private final Operator operator;
    private final SessionControl control;
    private final SessionRecorder recorder;
    private final Ticker ticker;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final SectionLog sections;
    private final CmapMeasurer measurer = CmapMeasurer.nerveDefaults();
    private final TrialBuilder builder;
    private final ResumeState resume;
    private final OperatorSteps dialogue;

    private TrialRunner runner;
    private long resolutionNanoamps = 1;
    private long ceilingNanoamps;
    private double maximalMicrovolts = Double.NaN;
    private double targetMicrovolts = Double.NaN;
    private long supramaximalNanoamps;
    private final List<StimulusResponsePoint> stimulusResponse = new ArrayList<>();
    private final Map<String, Long> thresholds = new HashMap<>();
    private final Map<String, Double> inputs = new HashMap<>();
    private final List<PointThreshold> results = new ArrayList<>();
    private final long trialsExpected;
    private long trialsDone;
    private String sectionName = "";
    private Map<TrackedPoint, String> pointNames = Map.of();
    private boolean warnedNoise;
    /** Points the limits ended; they need no second warning for lacking a threshold. */
    private final java.util.Set<String> refusedPoints = new java.util.HashSet<>();

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
        this.resume = resume;
        this.given = unit;
        this.unit = unit;
        this.plan = plan;
        this.acquisition = plan.acquisition();
        this.configuredLimits = limits;
        this.operator = operator;
        this.control = control;
        this.recorder = recorder;
        this.sections = new SectionLog(recorder, this::emit);
        this.ticker = ticker;
        this.builder = new TrialBuilder(acquisition.windowMicros());
        this.dialogue = new OperatorSteps(operator, control, recorder, this::emit, inputs);
        this.trialsExpected = plan.sections().stream().mapToLong(s -> PlanEstimate.stimuli(s.steps(), acquisition))
                .sum();
    }

    /**
     * When the link to the unit is lost, pause, reconnect through {@code connector}, check it is the same unit,
     * and carry on with the trial that was in flight (the unit answers a repeated trial id from its cache, so no
     * trial is lost or given twice).
     */
    public void reconnectWith(UnitConnector unitConnector) {
        this.connector = unitConnector;
    }

    /** Which tracker follows each threshold: Excitrack's (the default) or the QTRAC-style baseline. */
    public void useTracker(TrackerKind kind) {
        this.trackerKind = kind;
    }

    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    /** Runs the whole protocol; returns how it ended. The unit is disarmed at the end, whatever happens. */
    public Outcome run() throws InterruptedException {
        try {
            return runProtocol();
        } finally {
            if (unit != given) {
                unit.close();
            }
        }
    }

    private Outcome runProtocol() throws InterruptedException {
        control.attach(unit);
        amplifier = AmplifierSettings.nerveDefaults().withSampleRateHz(acquisition.sampleRateHz())
                .withDefaultWindow(new RecordingWindow(0, acquisition.windowMicros()));
        unit.configure(amplifier);
        limitsInForce = unit.setLimits(UnitBackstop.limitsFor(configuredLimits)).tighterOf(configuredLimits);
        time = timeFor(unit);
        runner = new TrialRunner(unit, limitsInForce, acquisition.intervalMicros(), time);
        runner.continueFrom(resume.nextTrialId());
        thresholds.putAll(resume.thresholds());
        inputs.putAll(resume.inputs());
        resolutionNanoamps = Math.max(1, unit.capabilities().currentResolutionNanoamps());
        ceilingNanoamps = acquisition.maxStimulusNanoamps();
        unit.arm(WATCHDOG);
        emit(new SessionEvent.StateChanged(SessionState.RUNNING, "started " + plan.name()));
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
                sectionName = section.name();
                pointNames = PointNames.of(section);
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
        if (end != SessionState.EMERGENCY_STOPPED) {
            unit.disarm();
        }
        String link = unit.linkReport();
        if (!link.isEmpty()) {
            recorder.event("link", link);
        }
        recorder.event("session", end.name().toLowerCase(Locale.ROOT) + ": " + reason);
        emit(new SessionEvent.StateChanged(end, reason));
        return new Outcome(end, reason, maximalMicrovolts, targetMicrovolts, stimulusResponse, results, trialsDone);
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
            stimulusResponse(sr.widthMicros());
        } else if (step instanceof PlanStep.Track t) {
            track(t);
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
            restoreStimulusResponse(resume.stimulusResponse().get());
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

    // ---- stimulus-response ----

    private void stimulusResponse(long widthMicros) throws InterruptedException {
        if (resume.stimulusResponse().isPresent() && Double.isNaN(maximalMicrovolts)) {
            restoreStimulusResponse(resume.stimulusResponse().get());
            return;
        }
        MaximalResponseSearch search = new MaximalResponseSearch(FIRST_STIMULUS_NANOAMPS, ceilingNanoamps,
                MIN_RESPONSE_MICROVOLTS);
        ChannelPlan test = singleTest(widthMicros);
        for (OptionalLong next = search.nextStimulusNanoamps(); next.isPresent(); next = search.nextStimulusNanoamps()) {
            long stimulus = round(next.getAsLong());
            double response = give("maximal response", test, stimulus).negativePeakMicrovolts();
            search.record(stimulus, response);
        }
        if (!search.isDone()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "no maximal response within the protocol's "
                    + "maximum stimulus %.1f mA (largest response %.2f mV): check the stimulating and recording "
                    + "electrodes", ceilingNanoamps / 1e6, search.largestResponseMicrovolts() / 1000));
        }
        maximalMicrovolts = search.maximalResponseMicrovolts();
        List<StimulusResponsePoint> points = new ArrayList<>(search.allPoints());
        long top = topOfCurve(points, maximalMicrovolts);
        long foot = points.stream().filter(p -> p.responseMicrovolts() <= 0.05 * maximalMicrovolts)
                .mapToLong(StimulusResponsePoint::stimulusNanoamps).max().orElse(top / 2);
        for (int i = 1; i < RAMP_STIMULI; i++) {
            long stimulus = round(Math.round(foot * Math.pow((double) top / foot, (double) i / RAMP_STIMULI)));
            double response = give("ramp", test, stimulus).negativePeakMicrovolts();
            points.add(new StimulusResponsePoint(stimulus, response));
        }
        setStimulusResponse(maximalMicrovolts, points);
        emit(new SessionEvent.MaximalResponse(maximalMicrovolts, top, targetMicrovolts));
        recorder.event("maximal response", String.format(Locale.ROOT, "%.1f µV at %d nA; target %.1f µV; "
                + "supramaximal %d nA", maximalMicrovolts, top, targetMicrovolts, supramaximalNanoamps));
    }

    private void restoreStimulusResponse(ResumeState.StimulusResponseState state) {
        setStimulusResponse(state.maximalMicrovolts(), state.points());
        emit(new SessionEvent.MaximalResponse(maximalMicrovolts, topOfCurve(state.points(), maximalMicrovolts),
                targetMicrovolts));
    }

    /** The target, the supramaximal current and the curve, from the maximal response and the curve's points. */
    private void setStimulusResponse(double maximal, List<StimulusResponsePoint> points) {
        maximalMicrovolts = maximal;
        stimulusResponse.clear();
        stimulusResponse.addAll(points);
        long top = topOfCurve(points, maximal);
        supramaximalNanoamps = round(Math.min(ceilingNanoamps, Math.round(top * acquisition.supramaximalPercent() / 100)));
        targetMicrovolts = acquisition.target() instanceof AcquisitionPlan.PercentOfMaximal p
                ? maximal * p.percent() / 100
                : ((AcquisitionPlan.Microvolts) acquisition.target()).microvolts();
    }

    /** The weakest stimulus that gave at least 95 % of the maximal response: the curve's top. */
    private static long topOfCurve(List<StimulusResponsePoint> points, double maximal) {
        return points.stream().filter(p -> p.responseMicrovolts() >= 0.95 * maximal)
                .mapToLong(StimulusResponsePoint::stimulusNanoamps).min()
                .orElse(points.stream().mapToLong(StimulusResponsePoint::stimulusNanoamps).max().orElse(1));
    }

    private static ChannelPlan singleTest(long widthMicros) {
        return new ChannelPlan("test", true, List.of(
                new StimulusElement.TestPulse(0, widthMicros)));
    }

    // ---- tracking ----

    private void track(PlanStep.Track t) throws InterruptedException {
        requireTarget();
        List<TrackedPoint> todo = t.points().stream()
                .filter(p -> !resume.completedPoints().contains(ResumeState.pointKey(sectionName, name(p)))).toList();
        if (todo.isEmpty()) {
            return;
        }
        if (t.mode() == PlanStep.TrackMode.SINGLE) {
            for (TrackedPoint point : todo) {
                for (ChannelPlan channel : point.channels()) {
                    if (channel.tracked()) {
                        trackAlone(point, channel);
                    }
                }
            }
        } else if (t.mode() == PlanStep.TrackMode.SERIAL) {
            ControlChannel controlChannel = new ControlChannel(todo.get(0).channels().get(0));
            for (TrackedPoint point : todo) {
                trackSerially(point, controlChannel);
            }
            controlChannel.finish();
        } else {
            trackInParallel(todo);
        }
    }

    private void trackAlone(TrackedPoint point, ChannelPlan channel) throws InterruptedException {
        Tracker tracker = newTracker(startFor(channel), List.of());
        long windowAt = TrialBuilder.testOnsetMicros(channel);
        int index = point.channels().indexOf(channel);
        while (!tracker.isConverged() && !tracker.isExhausted()) {
            if (!stimulate(point, index, channel, tracker, windowAt, null)) {
                break;
            }
        }
        finishPoint(point, index, channel, tracker);
    }

    private void trackSerially(TrackedPoint point, ControlChannel controlChannel) throws InterruptedException {
        Map<Integer, Sweep> subtract = untracked(point);
        Map<Integer, Tracker> conditioned = new LinkedHashMap<>();
        for (int i = 1; i < point.channels().size(); i++) {
            ChannelPlan ch = point.channels().get(i);
            if (ch.tracked()) {
                conditioned.put(i, conditionedTracker(point.channels().get(0), warmStart(ch)));
            }
        }
        controlChannel.beginPoint(point);
        while (controlChannel.estimate().isEmpty() && !controlChannel.exhausted()) {
            controlChannel.stimulate();
        }
        boolean refused = false;
        while (!refused && conditioned.values().stream().anyMatch(tr -> !tr.isConverged() && !tr.isExhausted())) {
            controlChannel.stimulate();
            for (Map.Entry<Integer, Tracker> e : conditioned.entrySet()) {
                Tracker tr = e.getValue();
                if (!tr.isConverged() && !tr.isExhausted()) {
                    ChannelPlan ch = point.channels().get(e.getKey());
                    Sweep base = subtract.isEmpty() ? null : subtract.values().iterator().next();
                    if (!stimulate(point, e.getKey(), ch, tr, TrialBuilder.testOnsetMicros(ch), base)) {
                        refused = true;
                        break;
                    }
                }
            }
        }
        for (Map.Entry<Integer, Tracker> e : conditioned.entrySet()) {
            finishPoint(point, e.getKey(), point.channels().get(e.getKey()), e.getValue());
        }
        // the point's reference: conditioned thresholds are changes from the control threshold at that time
        controlChannel.finishPoint();
    }

    private void trackInParallel(List<TrackedPoint> points) throws InterruptedException {
        ControlChannel controlChannel = new ControlChannel(points.get(0).channels().get(0));
        controlChannel.beginPoint(points.get(0));
        while (controlChannel.estimate().isEmpty() && !controlChannel.exhausted()) {
            controlChannel.stimulate();
        }
        record Open(TrackedPoint point, int channel, Tracker tracker) {
        }
        List<Open> open = new ArrayList<>();
        for (TrackedPoint p : points) {
            for (int i = 1; i < p.channels().size(); i++) {
                if (p.channels().get(i).tracked()) {
                    open.add(new Open(p, i, conditionedTracker(p.channels().get(0), warmStart(p.channels().get(i)))));
                }
            }
        }
        java.util.Random order = new java.util.Random(plan.sourceSha256().hashCode());
        List<Open> all = List.copyOf(open);
        int sinceControl = 0;
        while (!open.isEmpty()) {
            if (sinceControl >= PARALLEL_CONTROL_EVERY - 1) {
                controlChannel.stimulate();
                sinceControl = 0;
                continue;
            }
            Open c = open.get(order.nextInt(open.size()));
            ChannelPlan ch = c.point().channels().get(c.channel());
            if (!stimulate(c.point(), c.channel(), ch, c.tracker(), TrialBuilder.testOnsetMicros(ch), null)
                    || c.tracker().isConverged() || c.tracker().isExhausted()) {
                open.remove(c);
            }
            sinceControl++;
        }
        for (Open c : all) {
            finishPoint(c.point(), c.channel(), c.point().channels().get(c.channel()), c.tracker());
        }
        for (TrackedPoint p : points) {
            controlChannel.point = p;
            controlChannel.finishPoint();
        }
        controlChannel.finish();
    }

    /** The test-alone channel of serial and parallel tracking: tracked throughout, with a rolling history. */
    private final class ControlChannel {
        private final ChannelPlan channel;
        private TrackedPoint point;
        private Tracker tracker;
        private List<StimulusResponsePoint> history = List.of();

        ControlChannel(ChannelPlan channel) {
            this.channel = channel;
            this.tracker = newTracker(startFor(channel), stimulusResponse);
        }

        void beginPoint(TrackedPoint next) {
            point = next;
            List<StimulusResponsePoint> all = new ArrayList<>(history);
            all.addAll(tracker.points());
            history = all.subList(Math.max(0, all.size() - CONTROL_HISTORY), all.size());
            long start = estimate().map(e -> Math.round(e.thresholdNanoamps())).orElse(tracker.nextStimulusNanoamps());
            tracker = newTracker(start, history);
        }

        java.util.Optional<ThresholdEstimate> estimate() {
            return tracker.estimate();
        }

        boolean exhausted() {
            return tracker.isExhausted();
        }

        void stimulate() throws InterruptedException {
            if (!ProtocolSession.this.stimulate(point, 0, channel, tracker, TrialBuilder.testOnsetMicros(channel),
                    null)) {
                throw new IllegalStateException("the control channel's stimulus was refused; see the warnings");
            }
            // conditioning currents are a percentage of the control threshold as it stands now
            tracker.estimate().ifPresent(e -> thresholds.put(channel.name(), Math.round(e.thresholdNanoamps())));
        }

        void finishPoint() {
            ProtocolSession.this.finishPoint(point, 0, channel, tracker);
        }

        void finish() {
            tracker.estimate().ifPresent(e -> thresholds.put(channel.name(), Math.round(e.thresholdNanoamps())));
        }
    }

    /** Conditioning-alone channels, recorded once per point; their sweeps are subtracted from conditioned ones. */
    private Map<Integer, Sweep> untracked(TrackedPoint point) throws InterruptedException {
        Map<Integer, Sweep> sweeps = new LinkedHashMap<>();
        ChannelPlan conditioned = point.channels().stream().skip(1).filter(ChannelPlan::tracked).findFirst()
                .orElse(point.channels().get(0));
        long windowAt = TrialBuilder.testOnsetMicros(conditioned);
        for (int i = 0; i < point.channels().size(); i++) {
            ChannelPlan ch = point.channels().get(i);
            if (!ch.tracked()) {
                TrialResult result = run(builder.build(runner.nextTrialId(), ch, 0, this::thresholdOf,
                        supramaximalNanoamps, windowAt));
                Response response = measurer.measure(result.sweep(), windowAt);
                afterTrial(name(point), i, ch, 0, response, result, "{}", measured(result.sweep(), windowAt),
                        OptionalDouble.empty());
                sweeps.put(i, result.sweep());
            }
        }
        return sweeps;
    }

    /** One tracked trial; false if the limits refused it (the point then ends unconverged). */
    private boolean stimulate(TrackedPoint point, int channelIndex, ChannelPlan channel, Tracker tracker,
                              long windowAt, Sweep subtract) throws InterruptedException {
        // The maximum threshold bounds the reference (test-alone) threshold, which relative currents are a
        // percentage of; a conditioned threshold may lie well above it (hyperpolarized, refractory) and is bounded
        // by the maximum stimulus, every trial still being checked against the limits.
        long cap = channelIndex == 0 ? acquisition.maxThresholdNanoamps() : ceilingNanoamps;
        long stimulus = round(Math.min(tracker.nextStimulusNanoamps(), cap));
        if (tracker.nextStimulusNanoamps() > cap && tracker.stimuliGiven() > 0
                && tracker.points().get(tracker.points().size() - 1).stimulusNanoamps() >= stimulus) {
            refusedPoints.add(name(point));
            warn("limit", String.format(Locale.ROOT, "%s, %s: the threshold is above the protocol's maximum "
                    + "%s %.1f mA; the point ends without one", sectionName, name(point),
                    channelIndex == 0 ? "threshold" : "stimulus", cap / 1e6));
            return false;
        }
        TrialSpec spec = builder.build(runner.nextTrialId(), channel, stimulus, this::thresholdOf,
                supramaximalNanoamps, windowAt);
        TrialResult result;
        try {
            result = run(spec);
        } catch (StimulusRefusedException e) {
            refusedPoints.add(name(point));
            warn("limit", sectionName + ", " + name(point) + ", " + channel.name() + ": " + e.getMessage());
            return false;
        }
        Sweep sweep = subtract == null ? result.sweep() : difference(result.sweep(), subtract);
        long onset = TrialBuilder.testOnsetMicros(channel);
        Response response = measurer.measure(sweep, onset);
        tracker.record(stimulus, response.negativePeakMicrovolts());
        OptionalDouble estimate = tracker.estimate().map(e -> OptionalDouble.of(e.thresholdNanoamps()))
                .orElse(OptionalDouble.empty());
        afterTrial(name(point), channelIndex, channel, stimulus, response, result, trackerState(tracker),
                measured(sweep, onset), estimate);
        return true;
    }

    /** An untracked stimulus-response trial. */
    private Response give(String point, ChannelPlan channel, long stimulus) throws InterruptedException {
        long windowAt = TrialBuilder.testOnsetMicros(channel);
        TrialResult result = run(builder.build(runner.nextTrialId(), channel, stimulus, this::thresholdOf,
                supramaximalNanoamps, windowAt));
        Response response = measurer.measure(result.sweep(), windowAt);
        afterTrial(point, 0, channel, stimulus, response, result, "{}", measured(result.sweep(), windowAt),
                OptionalDouble.empty());
        return response;
    }

    /** Pause and stop are honoured just before each trial leaves, after the interval's wait, never during a trial. */
    private void checkpoint() throws InterruptedException {
        if (control.checkpoint()) {
            emit(new SessionEvent.StateChanged(SessionState.RUNNING, "resumed"));
            recorder.event("session", "resumed");
        }
    }

    private TrialResult run(TrialSpec spec) throws InterruptedException {
        try {
            return runner.run(spec, this::checkpoint);
        } catch (org.excitrack.device.UnitRefusedException e) {
            throw control.whenStopped(e);
        } catch (LinkLostException | DeviceTimeoutException e) {
            if (connector == null) {
                throw e;
            }
            reconnect(spec, e);
            return runner.run(spec, this::checkpoint);
        }
    }

    private Ticker timeFor(AcquisitionUnit u) {
        return u.virtualClock().<Ticker>map(clock -> new VirtualTicker(clock, WATCHDOG.toNanos() / 2000,
                u::status)).orElse(ticker);
    }

    /** Pauses on a lost link, reconnects to the same unit, and makes {@code spec} the next trial again. */
    private void reconnect(TrialSpec spec, DeviceException cause) throws InterruptedException {
        String serial = unit.identity().serialNumber();
        String lost = "link lost during trial " + spec.trialId() + ": " + cause.getMessage();
        recorder.event("link", lost + "; " + unit.linkReport());
        emit(new SessionEvent.StateChanged(SessionState.PAUSED, lost));
        warn("link", lost + "; reconnecting");
        try {
            unit.close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        for (int attempt = 1; ; attempt++) {
            control.checkpoint();
            try {
                AcquisitionUnit fresh = connector.connect();
                if (!fresh.identity().serialNumber().equals(serial)) {
                    String other = fresh.identity().serialNumber();
                    fresh.close();
                    throw new IllegalStateException("after the link was lost a different unit answered (" + other
                            + ", not " + serial + "); the session stops rather than stimulate through another unit");
                }
                fresh.configure(amplifier);
                fresh.setLimits(UnitBackstop.limitsFor(configuredLimits));
                fresh.arm(WATCHDOG);
                unit = fresh;
                control.attach(fresh);
                time = timeFor(fresh);
                runner = new TrialRunner(fresh, limitsInForce, acquisition.intervalMicros(), time);
                runner.continueFrom(spec.trialId());
                recorder.event("link", "reconnected to " + serial + " after " + attempt + " attempt(s); trial "
                        + spec.trialId() + " is given again under the same id");
                emit(new SessionEvent.StateChanged(SessionState.RUNNING, "reconnected"));
                return;
            } catch (DeviceException | IllegalArgumentException e) {
                if (attempt >= RECONNECT_ATTEMPTS) {
                    cause.addSuppressed(e);
                    throw cause;
                }
                ticker.sleepNanos(RECONNECT_BACKOFF_NANOS);
            }
        }
    }

    private void afterTrial(String point, int channelIndex, ChannelPlan channel, long stimulus, Response response,
                            TrialResult result, String state, MeasuredSweep measured, OptionalDouble estimate) {
        trialsDone++;
        recorder.trial(sectionName, point, channelIndex, stimulus, result, response, state);
        emit(new SessionEvent.Trial(result.trialId(), sectionName, point, channel.name(), stimulus, response, result,
                estimate, measured));
        // only a test pulse alone has a baseline free of other stimuli before it
        boolean cleanBaseline = stimulus > 0 && result.deliveredPulses().size() == 1
                && result.deliveredPolarizing().isEmpty();
        if (!warnedNoise && cleanBaseline && response.baselineNoiseMicrovoltsRms() > NOISY_MICROVOLTS_RMS) {
            warnedNoise = true;
            warn("noise", String.format(Locale.ROOT, "baseline noise %.0f µV rms: check the recording electrodes "
                    + "and the earth", response.baselineNoiseMicrovoltsRms()));
        }
        long remaining = Math.max(0, trialsExpected - trialsDone);
        OptionalDouble controlThreshold = thresholds.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(thresholds.values().iterator().next() / 1e6);
        emit(new SessionEvent.Progress(trialsDone, Math.max(trialsExpected, trialsDone),
                Duration.ofNanos(remaining * acquisition.intervalMicros() * 1000L), sectionName, controlThreshold));
    }

    /** The sweep with the window the measurer searched, so a live view shades what was measured. */
    private MeasuredSweep measured(Sweep sweep, long onsetMicros) {
        return new MeasuredSweep(sweep, onsetMicros + measurer.windowStartAfterOnsetMicros(),
                onsetMicros + measurer.windowEndAfterOnsetMicros());
    }

    private void finishPoint(TrackedPoint point, int channelIndex, ChannelPlan channel, Tracker tracker) {
        java.util.Optional<ThresholdEstimate> estimate = tracker.estimate();
        if (estimate.isEmpty() && refusedPoints.contains(name(point))) {
            return;
        }
        if (estimate.isEmpty()) {
            warn("threshold", sectionName + ", " + name(point) + ", " + channel.name()
                    + ": no threshold could be estimated from " + tracker.stimuliGiven() + " stimuli");
            return;
        }
        ThresholdEstimate e = estimate.get();
        thresholds.put(channel.name(), Math.round(e.thresholdNanoamps()));
        recorder.threshold(sectionName, name(point), channelIndex, e, tracker.stimuliGiven(),
                ThresholdBasis.of(tracker, targetMicrovolts));
        results.add(new PointThreshold(sectionName, name(point), channel.name(), e, tracker.stimuliGiven(),
                tracker.isConverged()));
        emit(new SessionEvent.Threshold(sectionName, name(point), channel.name(), e.thresholdNanoamps(),
                e.standardErrorNanoamps(), tracker.stimuliGiven(), tracker.isConverged()));
    }

    private String name(TrackedPoint point) {
        return pointNames.getOrDefault(point, point.label());
    }

    private Tracker newTracker(long start, List<StimulusResponsePoint> prior) {
        return newTracker(start, prior, acquisition.precisionPercent() / 100);
    }

    private Tracker newTracker(long start, List<StimulusResponsePoint> prior, double relativeError) {
        return trackerKind.create(targetMicrovolts, Math.max(resolutionNanoamps, start), prior,
                CurvePrior.typicalNerve(maximalMicrovolts), new TrackingGoal(relativeError,
                        acquisition.maxStimuliPerPoint()));
    }

    /**
     * A conditioned point's precision is that of its change from the control threshold, in % of the control:
     * a threshold twice the control's (strong hyperpolarization) must be tracked twice as finely for its change
     * to be known as well as a small one's. The expected ratio comes from where the point starts.
     */
    private Tracker conditionedTracker(ChannelPlan control, long start) {
        Long reference = thresholds.get(control.name());
        double ratio = reference == null ? 1 : Math.min(1, (double) reference / Math.max(1, start));
        return newTracker(start, List.of(), acquisition.precisionPercent() / 100 * ratio);
    }

    /** The stimulus-response curve's estimate for this channel's test width (Weiss's law from 1 ms). */
    private long startFor(ChannelPlan channel) {
        long fromCurve = CurveInterpolation.stimulusFor(stimulusResponse, targetMicrovolts)
                .orElse(stimulusResponse.isEmpty() ? FIRST_STIMULUS_NANOAMPS : stimulusResponse.get(0).stimulusNanoamps());
        long width = channel.elements().stream().filter(e -> e instanceof StimulusElement.TestPulse)
                .mapToLong(e -> ((StimulusElement.TestPulse) e).widthMicros()).findFirst()
                .orElse(acquisition.testWidthMicros());
        double typicalSdtcMicros = 450;
        double weiss = (1 + typicalSdtcMicros / width) / (1 + typicalSdtcMicros / acquisition.testWidthMicros());
        return Math.round(fromCurve * weiss);
    }

    /** A conditioned channel starts where it last ended (the previous delay), else at the control threshold. */
    private long warmStart(ChannelPlan channel) {
        Long previous = thresholds.get(channel.name());
        return previous != null ? previous : startFor(channel);
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

    private double maximalForCondition() {
        requireTarget();
        return maximalMicrovolts;
    }

    private void requireTarget() {
        if (Double.isNaN(targetMicrovolts)) {
            throw new IllegalStateException("a tracked section needs the stimulus-response curve first");
        }
    }

    private long round(long nanoamps) {
        return Math.max(resolutionNanoamps, Math.round((double) nanoamps / resolutionNanoamps) * resolutionNanoamps);
    }

    private static Sweep difference(Sweep a, Sweep b) {
        short[] x = a.samples();
        short[] y = b.samples();
        short[] d = new short[x.length];
        for (int i = 0; i < x.length; i++) {
            int v = i < y.length ? x[i] - y[i] : x[i];
            d[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
        return new Sweep(a.sampleRateHz(), a.startMicros(), a.channelCount(), a.nanovoltsPerCount(), d);
    }

    private static String trackerState(Tracker t) {
        return t.estimate().map(e -> String.format(Locale.ROOT, "{\"tracker\":\"%s\",\"thresholdNanoamps\":%.1f,"
                + "\"standardErrorNanoamps\":%.1f,\"points\":%d}", t.kind().id(), e.thresholdNanoamps(),
                e.standardErrorNanoamps(), e.pointsUsed())).orElse("{\"tracker\":\"" + t.kind().id() + "\"}");
    }

    private void warn(String kind, String message) {
        recorder.event("warning", kind + ": " + message);
        emit(new SessionEvent.Warning(kind, message));
    }

    private void emit(SessionEvent event) {
        for (SessionListener l : listeners) {
            l.on(event);
        }
    }

    private void disarmQuietly(RuntimeException cause) {
        try {
            unit.disarm();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
