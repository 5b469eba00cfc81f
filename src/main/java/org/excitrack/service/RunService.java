package org.excitrack.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.excitrack.model.plan.MagneticSteps;
import org.excitrack.device.AcquisitionUnit;
import org.excitrack.device.AcquisitionUnits;
import org.excitrack.device.LinkLostException;
import org.excitrack.lang.SourceFile;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.plan.PlanSection;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.model.session.SessionListener;
import org.excitrack.model.session.SessionState;
import org.excitrack.session.Operator;
import org.excitrack.session.ProtocolSession;
import org.excitrack.session.RecordingFileRecorder;
import org.excitrack.session.ScriptedOperator;
import org.excitrack.session.ResumeState;
import org.excitrack.session.Ticker;
import org.excitrack.storage.recording.DeviceInfo;
import org.excitrack.storage.recording.ProtocolSource;
import org.excitrack.storage.recording.RecordedEvent;
import org.excitrack.storage.recording.Recording;
import org.excitrack.storage.recording.RecordingFile;
import org.excitrack.storage.recording.RecordingMetadata;
import org.excitrack.storage.recording.RecordingWriter;
import org.excitrack.storage.recording.SubjectInfo;
import org.excitrack.storage.recording.VariableRecord;
import org.excitrack.transport.PortUriException;
import org.excitrack.transport.TransportException;

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
     * @param dialogs who answers the protocol's prompts: a person through a GUI's dialogs (inputs then become
     *        suggestions), or, when empty, a script that acknowledges everything and enters {@code inputs}
     */
    public record RunRequest(String protocol, Map<String, String> overrides, String port, Path out,
                             Subject subject, String operatorName, Map<String, Double> inputs,
                             boolean virtualTime, Optional<Magnetic> magnetic, Optional<OperatorDialogs> dialogs) {
        public RunRequest {
            overrides = Map.copyOf(overrides);
            inputs = Map.copyOf(inputs);
            Objects.requireNonNull(magnetic, "magnetic");
            Objects.requireNonNull(dialogs, "dialogs");
        }

        /** A scripted run: every prompt acknowledged, every input taken from {@code inputs}. */
        public RunRequest(String protocol, Map<String, String> overrides, String port, Path out, Subject subject,
                          String operatorName, Map<String, Double> inputs, boolean virtualTime,
                          Optional<Magnetic> magnetic) {
            this(protocol, overrides, port, out, subject, operatorName, inputs, virtualTime, magnetic,
                    Optional.empty());
        }

        /** A scripted nerve protocol: no magnetic stimulator. */
        public RunRequest(String protocol, Map<String, String> overrides, String port, Path out, Subject subject,
                          String operatorName, Map<String, Double> inputs, boolean virtualTime) {
            this(protocol, overrides, port, out, subject, operatorName, inputs, virtualTime, Optional.empty());
        }

        /** The same run with its prompts answered by a person through {@code operatorDialogs}. */
        public RunRequest withDialogs(OperatorDialogs operatorDialogs) {
            return new RunRequest(protocol, overrides, port, out, subject, operatorName, inputs, virtualTime,
                    magnetic, Optional.of(operatorDialogs));
        }
    }

    /**
     * The magnetic stimulator of a TMS protocol.
     *
     * @param stimulatorUri e.g. {@code serial:/dev/ttyS0?device=magstim-bistim} or {@code sim:magstim-bistim}
     * @param motorThresholdMethod overrides every motor threshold's method (ifcn, ml-pest, excitrack), if given
     */
    public record Magnetic(String stimulatorUri, Optional<String> motorThresholdMethod) {
        public Magnetic {
            Objects.requireNonNull(stimulatorUri, "stimulatorUri");
            Objects.requireNonNull(motorThresholdMethod, "motorThresholdMethod");
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
    public record RunReport(SessionState state, String reason, long trials, Path recording,
                            List<AnalysisService.Variable> variables, String unit, List<MagneticResults.Value> magnetic) {
        public RunReport {
            variables = List.copyOf(variables);
            magnetic = List.copyOf(magnetic);
        }

        public RunReport(SessionState state, String reason, long trials, Path recording,
                         List<AnalysisService.Variable> variables, String unit) {
            this(state, reason, trials, recording, variables, unit, List.of());
        }
    }

    private final RunControl control;

    public RunService(RunControl control) {
        this.control = control;
    }

    public RunReport run(RunRequest request, SessionListener listener) throws InterruptedException {
        String port = portFor(request.port(), request.virtualTime());
        try (AcquisitionUnit unit = open(port)) {
            ProtocolService protocols = new ProtocolService(unit.capabilities(), SafetyLimits.nerveDefaults());
            ProtocolService.Checked checked = protocols.check(request.protocol(), request.overrides());
            ProtocolPlan plan = checked.plan().orElseThrow(() -> new InvalidRequestException(
                    "the protocol does not compile:\n" + checked.diagnostics(), null));
            Map<String, Double> inputs = inputsFor(plan, request);
            String source = sourceText(request.protocol());
            if (MagneticSteps.any(plan)) {
                return new MagneticRun(control, this).run(request, unit, plan, source, inputs, listener);
            }
            if (request.magnetic().isPresent()) {
                throw new InvalidRequestException("protocol \"" + plan.name() + "\" gives no magnetic stimuli; --tms "
                        + "is for TMS protocols (see 'excitrack protocols')", null);
            }
            try (RecordingWriter writer = RecordingFile.create(request.out(), metadata(request, plan, source, unit))) {
                ProtocolSession session = new ProtocolSession(unit, plan, SafetyLimits.nerveDefaults(),
                        operatorFor(request, inputs), control.session(),
                        new RecordingFileRecorder(writer, Clock.systemUTC()), Ticker.SYSTEM);
                session.addListener(listener);
                session.reconnectWith(() -> reopen(port));
                ProtocolSession.Outcome outcome = session.run();
                return end(outcome, request.out(), writer, unit);
            }
        }
    }

    /**
     * A finished session's variables come from the recording itself, so what is reported is what was stored;
     * a stopped one keeps its file open for {@code excitrack resume}.
     */
    static RecordingMetadata metadata(RunRequest request, ProtocolPlan plan, String source, AcquisitionUnit unit) {
        return new RecordingMetadata(Versions.application(), request.subject().info(), request.operatorName(),
                new ProtocolSource(plan.name(), source), new DeviceInfo(unit.identity(), "{}"));
    }

    private static RunReport end(ProtocolSession.Outcome outcome, Path file, RecordingWriter writer,
                                 AcquisitionUnit unit) {
        List<AnalysisService.Variable> variables = List.of();
        if (outcome.state() == SessionState.FINISHED) {
            AnalysisService.FileVariables analysed = AnalysisService.analyze(file.getFileName().toString(),
                    ExcitabilityFiles.fromRecording(RecordingFile.open(file)));
            List<VariableRecord> records = new ArrayList<>();
            for (AnalysisService.Variable v : analysed.variables()) {
                if (v.number().isPresent() && Double.isFinite(v.value())) {
                    records.add(new VariableRecord((int) v.number().getAsDouble(), v.name(), v.value()));
                }
            }
            writer.recordVariables(records);
            writer.finish();
            variables = analysed.variables();
        }
        return new RunReport(outcome.state(), outcome.reason(), outcome.trials(), file, variables,
                unit.identity().serialNumber());
    }

    /**
     * Continues an interrupted recording on {@code port}: the protocol it ran, from where it stopped, appending to
     * the same file.
     */
    public RunReport resume(Path file, String port, boolean virtualTime, SessionListener listener)
            throws InterruptedException {
        Recording recorded = RecordingFile.open(file);
        String resolvedPort = portFor(port, virtualTime);
        try (AcquisitionUnit unit = open(resolvedPort)) {
            ProtocolService.Checked checked = new ProtocolService(unit.capabilities(), SafetyLimits.nerveDefaults())
                    .checkText(recorded.metadata().protocol().name(), recorded.metadata().protocol().sourceText());
            ProtocolPlan plan = checked.plan().orElseThrow(() -> new InvalidRequestException("the recorded "
                    + "protocol no longer compiles against this unit:\n" + checked.diagnostics(), null));
            if (MagneticSteps.any(plan)) {
                throw new InvalidRequestException(file + " is a TMS recording (" + plan.name() + "); resuming one is "
                        + "not supported yet: its trials are kept, start a new recording to go on", null);
            }
            try (RecordingWriter writer = RecordingFile.resume(file)) {
                ResumeState state = ResumeStates.of(plan, recorded, writer.lastTrialId().orElse(0) + 1);
                if (!recorded.metadata().device().identity().serialNumber().equals(unit.identity().serialNumber())) {
                    writer.appendEvent(new RecordedEvent(Instant.now(), "warning", "resumed on unit "
                            + unit.identity().serialNumber() + ", recorded on "
                            + recorded.metadata().device().identity().serialNumber()));
                }
                ProtocolSession session = new ProtocolSession(unit, plan, SafetyLimits.nerveDefaults(),
                        new ScriptedOperator(state.inputs()), control.session(),
                        new RecordingFileRecorder(writer, Clock.systemUTC(), recorded.trials()), Ticker.SYSTEM, state);
                session.addListener(listener);
                session.reconnectWith(() -> reopen(resolvedPort));
                return end(session.run(), file, writer, unit);
            }
        }
    }

    /** A person through dialogs when the request has them, else the script of {@code inputs}. */
    Operator operatorFor(RunRequest request, Map<String, Double> inputs) {
        return request.dialogs().<Operator>map(d -> new DialogOperator(d, inputs, control))
                .orElseGet(() -> new ScriptedOperator(inputs));
    }

    /**
     * Every {@code input} the protocol will ask for must have a value before the first stimulus, unless a person
     * answers the prompts (then the values are only suggestions, still checked against their ranges); the
     * subject's skin temperature answers an input named {@code temperature}.
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
            if (v == null && request.dialogs().isPresent()) {
                continue;
            }
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

    static String portFor(String port, boolean virtualTime) {
        if (!virtualTime) {
            return port;
        }
        if (!port.startsWith(SIMULATOR)) {
            throw new InvalidRequestException("--virtual-time runs the in-process simulator in simulated time; "
                    + "it needs a " + SIMULATOR + " port, not " + port, null);
        }
        if (port.contains("clock=")) {
            return port;
        }
        return port + (port.contains("?") ? "&" : "?") + "clock=virtual";
    }

    private static String sourceText(String protocol) {
        var builtIn = ProtocolSources.builtInName(protocol);
        SourceFile file = builtIn.isPresent() ? ProtocolSources.builtIn(builtIn.get())
                : ProtocolSources.file(Path.of(protocol));
        return file.text();
    }

    /** Opening the port again after a lost link: any failure is the link still being lost. */
    private static AcquisitionUnit reopen(String port) {
        try {
            return AcquisitionUnits.open(port);
        } catch (TransportException | PortUriException e) {
            throw new LinkLostException("cannot reopen " + port + ": " + e.getMessage(), e);
        }
    }

    private static AcquisitionUnit open(String port) {
        try {
            return AcquisitionUnits.open(port);
        } catch (PortUriException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
    }
}
