package org.excitrack.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.excitrack.device.AcquisitionUnit;
import org.excitrack.device.AcquisitionUnits;
import org.excitrack.lang.SourceFile;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.plan.PlanSection;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.model.session.SessionListener;
import org.excitrack.model.session.SessionState;
import org.excitrack.session.Operator;
import org.excitrack.session.ProtocolSession;
import org.excitrack.session.RecordingFileRecorder;
import org.excitrack.session.Ticker;
import org.excitrack.storage.recording.DeviceInfo;
import org.excitrack.storage.recording.ProtocolSource;
import org.excitrack.storage.recording.RecordingFile;
import org.excitrack.storage.recording.RecordingMetadata;
import org.excitrack.storage.recording.RecordingWriter;
import org.excitrack.storage.recording.SubjectInfo;
import org.excitrack.storage.recording.VariableRecord;
import org.excitrack.transport.PortUriException;

/**
 * {@code excitrack run}: compiles a protocol against the connected unit, records a session into a new recording
 * file, and ends with the excitability variables and their z-scores, which it also stores in the file.
 */
public final class RunService {
    private static final String SIMULATOR = "sim:unit";

    /**
     * @param protocol a built-in protocol's name or a .exc file
     * @param overrides protocol parameters set from the command line
     * @param port the acquisition unit
     * @param out the recording file to create (never overwritten)
     * @param subject who is recorded: a pseudonymous id, age, sex, skin temperature, sites and group
     * @param operatorName who records
     * @param inputs values for the protocol's {@code input} steps, by name
     * @param virtualTime run the in-process simulator in simulated time
     */
    public record RunRequest(String protocol, Map<String, String> overrides, String port, Path out,
                             Subject subject, String operatorName, Map<String, Double> inputs,
                             boolean virtualTime) {
        public RunRequest {
            overrides = Map.copyOf(overrides);
            inputs = Map.copyOf(inputs);
        }
    }

    /** Who is recorded; all but the id may be unknown (null). */
    public record Subject(String pseudonymousId, Integer ageYears, String sex, Double skinTemperatureCelsius,
                          String sites, String group) {
        SubjectInfo info() {
            return new SubjectInfo(pseudonymousId, ageYears, sex, skinTemperatureCelsius, sites, group);
        }
    }

    /** How the run ended, where it was recorded, and the variables of what was measured. */
    public record RunReport(ProtocolSession.Outcome outcome, Path recording, List<AnalysisService.Variable> variables,
                            String unit) {
        public RunReport {
            variables = List.copyOf(variables);
        }
    }

    private final RunControl control;

    public RunService(RunControl control) {
        this.control = control;
    }

    public RunReport run(RunRequest request, SessionListener listener) throws InterruptedException {
        String port = portFor(request);
        try (AcquisitionUnit unit = open(port)) {
            ProtocolService protocols = new ProtocolService(unit.capabilities(), SafetyLimits.nerveDefaults());
            ProtocolService.Checked checked = protocols.check(request.protocol(), request.overrides());
            ProtocolPlan plan = checked.plan().orElseThrow(() -> new InvalidRequestException(
                    "the protocol does not compile:\n" + checked.diagnostics(), null));
            Map<String, Double> inputs = inputsFor(plan, request);
            String source = sourceText(request.protocol());
            RecordingMetadata metadata = new RecordingMetadata(Versions.application(), request.subject().info(),
                    request.operatorName(), new ProtocolSource(plan.name(), source),
                    new DeviceInfo(unit.identity(), "{}"));
            try (RecordingWriter writer = RecordingFile.create(request.out(), metadata)) {
                ProtocolSession session = new ProtocolSession(unit, plan, SafetyLimits.nerveDefaults(),
                        new PresetOperator(inputs), control.session(), new RecordingFileRecorder(writer, Clock.systemUTC()),
                        Ticker.SYSTEM);
                session.addListener(listener);
                ProtocolSession.Outcome outcome = session.run();
                List<AnalysisService.Variable> variables = List.of();
                if (outcome.state() == SessionState.FINISHED) {
                    variables = analyse(plan, outcome, request, writer);
                }
                writer.finish();
                return new RunReport(outcome, request.out(), variables, unit.identity().serialNumber());
            }
        }
    }

    private static List<AnalysisService.Variable> analyse(ProtocolPlan plan, ProtocolSession.Outcome outcome,
                                                          RunRequest request, RecordingWriter writer) {
        List<SessionCurves.MeasuredThreshold> thresholds = new ArrayList<>();
        for (ProtocolSession.PointThreshold t : outcome.thresholds()) {
            thresholds.add(new SessionCurves.MeasuredThreshold(t.section(), t.point(), channelIndex(plan, t),
                    t.estimate().thresholdNanoamps()));
        }
        ExcitabilityRecording curves = SessionCurves.curves(plan, thresholds, outcome.stimulusResponse(),
                outcome.maximalMicrovolts(), header(request, plan));
        AnalysisService.FileVariables analysed = AnalysisService.analyze(request.out().getFileName().toString(),
                curves);
        List<VariableRecord> records = new ArrayList<>();
        for (AnalysisService.Variable v : analysed.variables()) {
            if (v.number().isPresent() && Double.isFinite(v.value())) {
                records.add(new VariableRecord((int) v.number().getAsDouble(), v.name(), v.value()));
            }
        }
        writer.recordVariables(records);
        return analysed.variables();
    }

    /** The channel's position in its point, which is how thresholds are recorded. */
    private static int channelIndex(ProtocolPlan plan, ProtocolSession.PointThreshold t) {
        for (PlanSection section : plan.sections()) {
            if (!section.name().equals(t.section())) {
                continue;
            }
            for (var e : org.excitrack.model.plan.PointNames.of(section).entrySet()) {
                if (e.getValue().equals(t.point())) {
                    for (int i = 0; i < e.getKey().channels().size(); i++) {
                        if (e.getKey().channels().get(i).name().equals(t.channel())) {
                            return i;
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no channel " + t.channel() + " at " + t.section() + ", " + t.point());
    }

    private static Map<String, String> header(RunRequest request, ProtocolPlan plan) {
        Map<String, String> h = new LinkedHashMap<>();
        Subject s = request.subject();
        h.put("Name", s.pseudonymousId());
        h.put("Protocol", plan.name());
        if (s.ageYears() != null) {
            h.put("Age", Integer.toString(s.ageYears()));
        }
        if (s.sex() != null) {
            h.put("Sex", s.sex());
        }
        if (s.skinTemperatureCelsius() != null) {
            h.put("Temperature", Double.toString(s.skinTemperatureCelsius()));
        }
        return h;
    }

    /**
     * Every {@code input} the protocol will ask for must have a value before the first stimulus; the subject's
     * skin temperature answers an input named {@code temperature}.
     */
    static Map<String, Double> inputsFor(ProtocolPlan plan, RunRequest request) {
        Map<String, Double> values = new LinkedHashMap<>(request.inputs());
        if (request.subject().skinTemperatureCelsius() != null) {
            values.putIfAbsent("temperature", request.subject().skinTemperatureCelsius());
        }
        List<PlanStep.Input> wanted = new ArrayList<>();
        for (PlanSection s : plan.sections()) {
            collectInputs(s.steps(), wanted);
        }
        for (PlanStep.Input in : wanted) {
            Double v = values.get(in.name());
            if (v == null) {
                throw new InvalidRequestException("the protocol asks for " + in.name() + " (" + in.label() + ", "
                        + in.unit() + "); give it with --input " + in.name() + "=VALUE"
                        + (in.name().equals("temperature") ? " or --temperature" : ""), null);
            }
            if (v < in.min() || v > in.max()) {
                throw new InvalidRequestException(in.name() + " " + v + " " + in.unit() + " is outside the protocol's "
                        + "range " + in.min() + " to " + in.max() + " " + in.unit(), null);
            }
        }
        return values;
    }

    private static void collectInputs(List<PlanStep> steps, List<PlanStep.Input> into) {
        for (PlanStep s : steps) {
            if (s instanceof PlanStep.Input in) {
                into.add(in);
            } else if (s instanceof PlanStep.Conditional c) {
                collectInputs(c.then(), into);
                collectInputs(c.otherwise(), into);
            } else if (s instanceof PlanStep.Repeat r) {
                collectInputs(r.body(), into);
            }
        }
    }

    private static String portFor(RunRequest request) {
        if (!request.virtualTime()) {
            return request.port();
        }
        if (!request.port().startsWith(SIMULATOR)) {
            throw new InvalidRequestException("--virtual-time runs the in-process simulator in simulated time; "
                    + "it needs a " + SIMULATOR + " port, not " + request.port(), null);
        }
        if (request.port().contains("clock=")) {
            return request.port();
        }
        return request.port() + (request.port().contains("?") ? "&" : "?") + "clock=virtual";
    }

    private static String sourceText(String protocol) {
        var builtIn = ProtocolSources.builtInName(protocol);
        SourceFile file = builtIn.isPresent() ? ProtocolSources.builtIn(builtIn.get())
                : ProtocolSources.file(Path.of(protocol));
        return file.text();
    }

    private static AcquisitionUnit open(String port) {
        try {
            return AcquisitionUnits.open(port);
        } catch (PortUriException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
    }

    /** Answers a protocol's prompts without a person: for scripted and simulated runs. */
    private static final class PresetOperator implements Operator {
        private final Map<String, Double> inputs;

        PresetOperator(Map<String, Double> inputs) {
            this.inputs = inputs;
        }

        @Override
        public void acknowledge(String text) {
            // a scripted run has read the protocol: every prompt is acknowledged
        }

        @Override
        public boolean confirm(String text) {
            return true;
        }

        @Override
        public List<Boolean> checklist(String title, List<String> items) {
            return java.util.Collections.nCopies(items.size(), true);
        }

        @Override
        public double input(PlanStep.Input input) {
            return inputs.get(input.name());
        }
    }
}
